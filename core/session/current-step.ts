import type { AnyMachineSnapshot, SnapshotFrom } from 'xstate';
import type { MenuName, Screen } from '../common/api';
import type { SessionMachine } from './session-machine';
import type { StepMeta, StepTag } from './step-meta';
import type { VerificationContext } from './verification-machine';

/** Where the session is, as the view and the adapters need it: read from states' meta and tags. */
export interface CurrentStep {
  screen: Screen;
  has(tag: StepTag): boolean;
  /** The field the person types into here, if any (meta.field). */
  field: StepMeta['field'] | null;
  /** The numbered menu offered here, if any (meta.menu). */
  menu: MenuName | null;
  /** The verification steps' own context while verification runs; null elsewhere. */
  verification: VerificationContext | null;
  /** The active leaf states, for logs (`visit.verify > birthDate`). */
  path: string;
}

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

/** Only leaf states carry meta, so the active leaf's is the one with a screen. */
function metaOf(snapshot: AnyMachineSnapshot): StepMeta | undefined {
  const metas = Object.values(snapshot.getMeta()) as Array<Partial<StepMeta> | undefined>;
  return metas.find((meta): meta is StepMeta => Boolean(meta?.screen));
}

const pathOf = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : Object.entries(value as Record<string, unknown>)
        .map(([key, inner]) => `${key}.${pathOf(inner)}`)
        .join(',');

export function currentStep(snapshot: SessionSnapshot): CurrentStep {
  const child = snapshot.children.verification?.getSnapshot() as AnyMachineSnapshot | undefined;
  const inner = child && child.status === 'active' ? child : null;
  const step = inner ?? snapshot;
  const meta = metaOf(step);
  return {
    // A verification that has just ended, before the visit moves on, still shows as loading.
    screen: meta?.screen ?? 'loading',
    field: meta?.field ?? null,
    menu: meta?.menu ?? null,
    has: (tag) => step.hasTag(tag),
    verification: inner ? (inner.context as VerificationContext) : null,
    path: inner ? `${pathOf(snapshot.value)} > ${pathOf(inner.value)}` : pathOf(snapshot.value),
  };
}
