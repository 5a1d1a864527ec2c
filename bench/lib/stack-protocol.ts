import type { Intent } from '../../core/common/api';
import type { Participant } from './session-driver';

/** Runner -> stack child. */
export type ChildCommand = { id: number } & (
  | { cmd: 'send'; intent: Intent }
  | { cmd: 'waitScreen'; screen: string; timeoutMs?: number }
  | { cmd: 'sessions'; count: number; paceMs?: number }
  | { cmd: 'memory' }
  | { cmd: 'stop' }
);

/** Stack child -> runner, unprompted. */
export type ChildEvent =
  | { type: 'ready'; url: string; hostUrl: string; participant: Participant; gcExposed: boolean }
  | { type: 'failed'; error: string };

export type ChildReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

export interface MemoryReading {
  rss: number;
  heapUsed: number;
}
