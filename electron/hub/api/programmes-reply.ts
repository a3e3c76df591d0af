import type { AssetProgrammes } from '../../../shared/protocol/messages';
import type { AssetProgrammes as HeldProgrammes } from '../schedules/programme-book';
import type { ProgrammeOutlook } from '../schedules/programme-targets';

const iso = (ms: number) => new Date(ms).toISOString();

/** An asset's programmes and their outlook as the protocol carries them (instants as ISO strings). */
export function programmesReply(held: HeldProgrammes | undefined, outlook: ProgrammeOutlook | undefined): AssetProgrammes {
  const reply: AssetProgrammes = { now: {} };
  if (held?.heating) reply.heating = held.heating;
  if (held?.override) reply.override = { celsius: held.override.celsius, until: iso(held.override.untilMs) };
  if (held?.lighting) reply.lighting = held.lighting;
  if (held?.gate) reply.gate = held.gate;
  const { heating, lighting, gate } = outlook ?? {};
  if (heating) {
    reply.now.heating = {
      mode: heating.mode,
      celsius: heating.celsius,
      ...(heating.dayOff ? { dayOff: heating.dayOff } : {}),
      ...(heating.next ? { next: { at: iso(heating.next.atMs), mode: heating.next.mode, celsius: heating.next.celsius } } : {}),
    };
  }
  if (lighting) {
    reply.now.lighting = {
      percent: lighting.percent,
      reason: lighting.reason,
      ...(lighting.exception ? { exception: lighting.exception } : {}),
      ...(lighting.next ? { next: { at: iso(lighting.next.atMs), percent: lighting.next.percent } } : {}),
    };
  }
  if (gate) {
    reply.now.gate = { position: gate.position, hoursLabel: gate.hoursLabel, ...(gate.next ? { next: { at: iso(gate.next.atMs), position: gate.next.position } } : {}) };
  }
  return reply;
}
