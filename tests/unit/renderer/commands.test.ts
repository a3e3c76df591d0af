import { describe, expect, it } from 'vitest';
import { commandSteps } from '../../../renderer/commands/command-steps';
import type { CommandState } from '../../../shared';

const at = (m: number) => `2025-11-23T10:${String(m).padStart(2, '0')}:00.000Z`;
function history(...states: CommandState[]) {
  return states.map((state, i) => ({ state, at: at(i) }));
}

describe('command stepper', () => {
  it('marks reached steps done with their time, the current one current, the rest to do', () => {
    const steps = commandSteps({ state: 'sent', history: history('requested', 'queued', 'sent') });
    expect(steps.map((s) => [s.state, s.status, s.at])).toEqual([
      ['requested', 'done', at(0)],
      ['queued', 'done', at(1)],
      ['sent', 'current', at(2)],
      ['delivered', 'todo', null],
      ['confirmed', 'todo', null],
    ]);
  });

  it('ends all done when confirmed', () => {
    const steps = commandSteps({ state: 'confirmed', history: history('requested', 'queued', 'sent', 'delivered', 'confirmed') });
    expect(steps.every((s) => s.status === 'done')).toBe(true);
  });

  it.each(['failed', 'expired', 'cancelled'] as const)('ends on « %s » after the steps actually reached', (final) => {
    const steps = commandSteps({ state: final, history: history('requested', 'queued', final) });
    expect(steps.map((s) => [s.state, s.status])).toEqual([
      ['requested', 'done'],
      ['queued', 'done'],
      [final, 'failed'],
    ]);
  });
});
