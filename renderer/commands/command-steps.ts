import { isCommandFinal, type Command, type CommandState } from '../../shared';

/** The happy path of a command to a class A device, in order. */
export const LIFECYCLE: readonly CommandState[] = ['requested', 'queued', 'sent', 'delivered', 'confirmed'];

export type StepStatus = 'done' | 'current' | 'todo' | 'failed';

export interface Step {
  state: CommandState;
  status: StepStatus;
  /** When the command reached this step (ISO), if it did. */
  at: string | null;
}

/**
 * The stepper of a command: the five lifecycle steps with the time each was reached; a command
 * that failed, expired or was cancelled ends on that step instead of the remaining ones.
 */
export function commandSteps(command: Pick<Command, 'state' | 'history'>): Step[] {
  const reachedAt = new Map<CommandState, string>();
  for (const transition of command.history) if (!reachedAt.has(transition.state)) reachedAt.set(transition.state, transition.at);
  const failedEnd = command.state === 'failed' || command.state === 'expired' || command.state === 'cancelled';
  const currentIndex = LIFECYCLE.indexOf(command.state);
  const steps: Step[] = [];
  for (const [i, state] of LIFECYCLE.entries()) {
    const at = reachedAt.get(state) ?? null;
    if (failedEnd) {
      if (at !== null) steps.push({ state, status: 'done', at });
      continue;
    }
    const status: StepStatus = i < currentIndex ? 'done' : i === currentIndex ? (state === 'confirmed' ? 'done' : 'current') : 'todo';
    steps.push({ state, status, at: i <= currentIndex ? (at ?? null) : null });
  }
  if (failedEnd) steps.push({ state: command.state, status: 'failed', at: reachedAt.get(command.state) ?? null });
  return steps;
}

/** Whether the « prochaine écoute » estimate still means something. */
export function awaitsDevice(command: Pick<Command, 'state' | 'nextListenAt'>): boolean {
  return Boolean(command.nextListenAt) && !isCommandFinal(command.state) && command.state !== 'delivered';
}
