import type { Command, CommandState } from '../../shared';

/** The states a group's progress always shows, in lifecycle order; others appear when they occur. */
export const PROGRESS_STATES: readonly CommandState[] = ['requested', 'queued', 'sent', 'delivered', 'confirmed', 'failed', 'expired', 'cancelled'];

/**
 * How many of the group's commands are in each state, as a compact key (« 0,3,9,0,0,0,0,0 ») so
 * a store selector returns a primitive: React re-renders only when a count moves.
 */
export function progressKey(commands: readonly Command[]): string {
  const counts = PROGRESS_STATES.map(() => 0);
  for (const command of commands) counts[PROGRESS_STATES.indexOf(command.state)]! += 1;
  return counts.join(',');
}

export function progressCounts(key: string): Record<CommandState, number> {
  const values = key.split(',').map(Number);
  return Object.fromEntries(PROGRESS_STATES.map((state, i) => [state, values[i] ?? 0])) as Record<CommandState, number>;
}
