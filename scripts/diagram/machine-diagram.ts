import type { AnyStateMachine } from 'xstate';

/** The parts of an XState state node the diagram reads (StateNode's public fields). */
interface Node {
  id: string;
  key: string;
  type: string;
  parent?: Node;
  states: Record<string, Node>;
  tags: string[];
  meta?: { screen?: string };
  transitions: Map<string, Transition[]>;
  always?: Transition[];
}
interface Transition {
  eventType: string;
  target?: readonly Node[];
  guard?: unknown;
  actions: readonly unknown[];
}

const idOf = (node: Node) => node.id.replace(/[^A-Za-z0-9]/g, '_');

/** `xstate.done.actor.0.session.visit.verify` -> `done`, `xstate.after.thankYou...` -> `after thankYou`. */
function eventLabel(eventType: string): string {
  if (eventType.startsWith('xstate.done.actor')) return 'done';
  if (eventType.startsWith('xstate.error.actor')) return 'failed';
  const after = /^xstate\.after\.([^.]+)/.exec(eventType);
  if (after) return `after ${after[1]}`;
  return eventType;
}

function guardLabel(guard: unknown): string {
  if (!guard) return '';
  if (typeof guard === 'string') return guard;
  const g = guard as {
    type?: string;
    name?: string;
    params?: Record<string, unknown>;
    guards?: unknown[];
  };
  // and() / or() / not() are functions named so, holding the guards they combine.
  if (g.guards && g.name === 'and') return g.guards.map(guardLabel).join(' and ');
  if (g.guards && g.name === 'or') return g.guards.map(guardLabel).join(' or ');
  if (g.guards && g.name === 'not') return `not ${guardLabel(g.guards[0])}`;
  const params = g.params ? `(${Object.values(g.params).join(', ')})` : '';
  return `${g.type ?? 'guard'}${params}`;
}

function stateLine(node: Node, indent: string): string {
  const extras = [
    node.meta?.screen && node.meta.screen !== node.key ? `screen ${node.meta.screen}` : '',
    node.tags.length ? node.tags.join(' ') : '',
  ].filter(Boolean);
  const label = extras.length ? `${node.key}: ${extras.join('; ')}` : node.key;
  return `${indent}state "${label}" as ${idOf(node)}`;
}

/** The states, nested as in the machine, each with its screen (when not its own name) and tags. */
function walkStates(node: Node, indent: string, lines: string[]): void {
  for (const child of Object.values(node.states)) {
    if (Object.keys(child.states).length) {
      lines.push(`${indent}state "${child.key}" as ${idOf(child)} {`);
      walkStates(child, `${indent}  `, lines);
      lines.push(`${indent}}`);
    } else lines.push(stateLine(child, indent));
  }
  const initial = (node as unknown as { initial?: { target: Node[] } }).initial?.target?.[0];
  if (initial) lines.push(`${indent}[*] --> ${idOf(initial)}`);
}

/** Every transition with a target, from the state that declares it (a parent's are shared). */
function walkTransitions(node: Node, edges: string[]): void {
  const own: Array<[string, Transition[]]> = [...node.transitions.entries()];
  if (node.always) own.push(['always', node.always]);
  for (const [eventType, transitions] of own)
    for (const transition of transitions) {
      const target = transition.target?.[0];
      if (!target) continue;
      const guard = guardLabel(transition.guard);
      edges.push(
        `${idOf(node)} --> ${idOf(target)}: ${eventLabel(eventType)}${guard ? ` [${guard}]` : ''}`,
      );
    }
  if (node.type === 'final') edges.push(`${idOf(node)} --> [*]`);
  for (const child of Object.values(node.states)) walkTransitions(child, edges);
}

/** A Mermaid state diagram of a machine, read from its state nodes: every state, tag and transition. */
export function mermaidOf(machine: AnyStateMachine): string {
  const lines: string[] = ['stateDiagram-v2'];
  const edges: string[] = [];
  walkStates(machine.root as unknown as Node, '  ', lines);
  walkTransitions(machine.root as unknown as Node, edges);
  return [...lines, ...[...new Set(edges)].map((edge) => `  ${edge}`)].join('\n');
}
