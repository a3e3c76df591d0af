import type { SchoolHoliday } from '../../../shared/calendar/school-holidays';
import { schoolZoneOf } from '../../../shared/calendar/school-holidays';
import type { DeviceCommandRequest } from '../../../shared/domain/commands';
import { resolveGate, type GateState } from '../../../shared/schedules/gate-hours';
import { resolveHeating, type HeatingState } from '../../../shared/schedules/heating-programme';
import { resolveLighting, type LightingState } from '../../../shared/schedules/lighting-schedule';
import type { AssetRecord } from '../state/records';
import type { AssetProgrammes } from './programme-book';

/** What an asset's programmes want of it now, and when to look again. */
export interface ProgrammeOutlook {
  heating?: HeatingState;
  lighting?: LightingState;
  gate?: GateState;
  /** The device commands that bring the asset where its programmes want it. */
  targets: DeviceCommandRequest[];
  /** The earliest next change of any of them (UTC ms), if any. */
  nextChangeMs: number | undefined;
}

/** Zone C when a commune's département is not in our table: the Paris region's, the most common. */
const DEFAULT_ZONE = 'C';

export function programmeOutlook(record: AssetRecord, programmes: AssetProgrammes, nowMs: number, holidays: readonly SchoolHoliday[]): ProgrammeOutlook {
  const outlook: ProgrammeOutlook = { targets: [], nextChangeMs: undefined };
  const nextAt = (ms: number | undefined) => {
    if (ms !== undefined && (outlook.nextChangeMs === undefined || ms < outlook.nextChangeMs)) outlook.nextChangeMs = ms;
  };
  const { asset } = record;

  const override = programmes.override && programmes.override.untilMs > nowMs ? programmes.override : undefined;
  if (programmes.heating) {
    const zone = schoolZoneOf(asset.commune) ?? DEFAULT_ZONE;
    outlook.heating = resolveHeating(programmes.heating, nowMs, { zone, holidays }, override);
    outlook.targets.push({ type: 'heating.setpoint', celsius: outlook.heating.celsius });
    nextAt(outlook.heating.next?.atMs);
  } else if (override) {
    // An override without a weekly programme: the setpoint holds until it ends, then stays.
    outlook.targets.push({ type: 'heating.setpoint', celsius: override.celsius });
    nextAt(override.untilMs);
  }

  if (programmes.lighting) {
    outlook.lighting = resolveLighting(programmes.lighting, nowMs, asset.lon, asset.lat);
    const dimmable = asset.accepts?.some((accepted) => accepted.type === 'lighting.dim' && accepted.dimmable) ?? false;
    // A controller that only switches its lines gets on or off; its schedule was checked to say only that.
    const percent = dimmable ? outlook.lighting.percent : outlook.lighting.percent > 0 ? 100 : 0;
    outlook.targets.push({ type: 'lighting.dim', percent });
    nextAt(outlook.lighting.next?.atMs);
  }

  if (programmes.gate) {
    outlook.gate = resolveGate(programmes.gate, nowMs);
    outlook.targets.push({ type: 'gate.set', position: outlook.gate.position });
    nextAt(outlook.gate.next?.atMs);
  }
  return outlook;
}
