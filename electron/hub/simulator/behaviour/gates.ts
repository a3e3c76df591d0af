import { hourOf, parisTime } from '../clock';

/**
 * A cemetery gate on a Dragino LT-22222-L: relay RO1 tells the motor to open (closed relay) or
 * close; the position contact on DI1 reads high when the gate stands open. The keeper's timer
 * opens it in the morning and closes it at evening; an operator's command holds until the
 * timer's next switching.
 */
export interface Gate {
  openHour: number;
  closeHour: number;
  /** Operator's order, until the timer's next switching (scenario ms). */
  forced?: { open: boolean; untilMs: number };
}

export function createGate(settings: Record<string, number | string | boolean>): Gate {
  return {
    openHour: hourOf(String(settings.openAt ?? '08:00')),
    closeHour: hourOf(String(settings.closeAt ?? '18:00')),
  };
}

function scheduledOpen(gate: Gate, utcMs: number): boolean {
  const { hour } = parisTime(utcMs);
  return hour >= gate.openHour && hour < gate.closeHour;
}

export function gateOpen(gate: Gate, utcMs: number): boolean {
  if (gate.forced && utcMs < gate.forced.untilMs) return gate.forced.open;
  return scheduledOpen(gate, utcMs);
}

export function forceGate(gate: Gate, open: boolean, fromMs: number): void {
  const step = 5 * 60_000;
  const scheduled = scheduledOpen(gate, fromMs);
  let untilMs = fromMs + step;
  while (untilMs < fromMs + 86_400_000 && scheduledOpen(gate, untilMs) === scheduled) untilMs += step;
  gate.forced = { open, untilMs };
}
