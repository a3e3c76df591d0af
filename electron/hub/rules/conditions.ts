import { GATEWAY_SILENT_CONDITION, type AlarmPriority } from '../../../shared/domain/alarms';
import type { AssetKind, AssetStatus, MetricValues } from '../../../shared/domain/assets';
import type { GateHours } from '../../../shared/domain/schedules';
import { THRESHOLD_DEFINITIONS, type ThresholdCondition } from '../../../shared/domain/thresholds';
import type { AssetRecord } from '../state/records';
import { formatNumberFr } from './format';
import { gateMayBeOpen } from './intrusion';
import type { ThresholdInForce } from './threshold-book';

/** What a condition is judged with besides the asset: the settings in force and the time. */
export interface RuleContext {
  threshold: ThresholdInForce;
  atMs: number;
  /** A gate's opening hours from its programme, if it has one. */
  gateHours(assetId: string): GateHours | undefined;
  /** Another condition's settings in force (a lower level steps aside for a higher one). */
  settingsOf(condition: string): ThresholdInForce | undefined;
  /** The conditions active on this asset now. */
  active: ReadonlySet<string>;
}

/**
 * An alarm condition: when it holds for an asset, one alarm is active for (asset, condition).
 * `holds` gets whether the alarm is already active (or waiting for its delay) so thresholds have
 * hysteresis: a CO2 reading hovering at 1,500 ppm must not raise and clear every uplink. Its
 * numbers, delay and priority are settings (shared/domain/thresholds.ts), passed in `context`.
 */
export interface Condition {
  id: ThresholdCondition;
  kinds: readonly AssetKind[];
  /** What the asset's status becomes while the condition holds. */
  status: AssetStatus;
  /** true: holds; false: does not; undefined: the metric is not known yet. */
  holds(metrics: MetricValues, record: AssetRecord, active: boolean, context: RuleContext): boolean | undefined;
  message(metrics: MetricValues, record: AssetRecord, threshold: ThresholdInForce): string;
}

function num(metrics: MetricValues, id: string): number | undefined {
  const v = metrics[id];
  return typeof v === 'number' ? v : undefined;
}

function setting(record: AssetRecord, key: string, fallback: number): number {
  const v = record.settings[key];
  return typeof v === 'number' ? v : fallback;
}

/** At or past `raise` it holds; once active it holds until back past `clear` (the raise value without one). */
function above(value: number | undefined, threshold: ThresholdInForce, active: boolean, scale = 1): boolean | undefined {
  if (value === undefined || threshold.raise === undefined) return undefined;
  return active ? value >= (threshold.clear ?? threshold.raise) * scale : value >= threshold.raise * scale;
}

function below(value: number | undefined, threshold: ThresholdInForce, active: boolean, scale = 1): boolean | undefined {
  if (value === undefined || threshold.raise === undefined) return undefined;
  return active ? value <= (threshold.clear ?? threshold.raise) * scale : value <= threshold.raise * scale;
}

/** What a cabinet's lamps draw when all are lit, from its inventory. */
function expectedPowerW(record: AssetRecord): number | undefined {
  const { lampCount, lampPowerW } = record.settings;
  return typeof lampCount === 'number' && typeof lampPowerW === 'number' ? lampCount * lampPowerW : undefined;
}

const fillMessage = (what: string) => (m: MetricValues, _r: AssetRecord, t: ThresholdInForce) =>
  `${what} : ${formatNumberFr(num(m, 'fillPercent') ?? 0)} % (seuil ${formatNumberFr(t.raise ?? 0)} %)`;

export const CONDITIONS: readonly Condition[] = [
  {
    id: 'co2.high',
    kinds: ['building'],
    status: 'alarm',
    holds: (m, _r, active, c) => above(num(m, 'co2Ppm'), c.threshold, active),
    message: (m, _r, t) => `CO₂ élevé : ${formatNumberFr(num(m, 'co2Ppm') ?? 0)} ppm (seuil ${formatNumberFr(t.raise ?? 0)} ppm)`,
  },
  {
    id: 'bin.full',
    kinds: ['waste-container'],
    status: 'alarm',
    holds: (m, _r, active, c) => above(num(m, 'fillPercent'), c.threshold, active),
    message: fillMessage('Conteneur plein'),
  },
  {
    // The band below bin.full: a full bin is one alarm, not two on the same value (ISA-18.2), so
    // this one steps aside while bin.full holds or would raise.
    id: 'bin.nearly-full',
    kinds: ['waste-container'],
    status: 'warning',
    holds: (m, _r, active, c) => {
      const fill = num(m, 'fillPercent');
      const full = c.settingsOf('bin.full');
      if (fill !== undefined && (c.active.has('bin.full') || (full?.raise !== undefined && fill >= full.raise))) return false;
      return above(fill, c.threshold, active);
    },
    message: fillMessage('Conteneur presque plein'),
  },
  {
    // Thresholds in per cent of the cabinet's own contracted power.
    id: 'cabinet.power-overrun',
    kinds: ['lighting-cabinet'],
    status: 'alarm',
    holds: (m, r, active, c) => above(num(m, 'powerW'), c.threshold, active, setting(r, 'contractedPowerW', Number.POSITIVE_INFINITY) / 100),
    message: (m, r) =>
      `Dépassement de puissance : ${formatNumberFr(num(m, 'powerW') ?? 0)} W pour ${formatNumberFr(
        setting(r, 'contractedPowerW', 0),
      )} W souscrits`,
  },
  {
    id: 'cabinet.fault',
    kinds: ['lighting-cabinet'],
    status: 'alarm',
    holds: (m) => (typeof m.faultActive === 'boolean' ? m.faultActive : undefined),
    message: () => 'Défaut signalé par l’armoire : un départ d’éclairage est hors service',
  },
  {
    // A tripped feeder line leaves a street dark: the cabinet is lit but draws well under what its
    // lamps need (the controller reports no fault flag, only its power). In per cent of that need.
    id: 'cabinet.feeder-fault',
    kinds: ['lighting-cabinet'],
    status: 'alarm',
    holds: (m, r, active, c) => {
      const expected = expectedPowerW(r);
      const power = num(m, 'powerW');
      if (expected === undefined || power === undefined || typeof m.relayOn !== 'boolean') return undefined;
      if (!m.relayOn) return false;
      return below(power, c.threshold, active, expected / 100);
    },
    message: (m, r) =>
      `Départ d’éclairage en défaut : ${formatNumberFr(num(m, 'powerW') ?? 0)} W consommés pour ${formatNumberFr(
        expectedPowerW(r) ?? 0,
      )} W attendus, une partie des points lumineux est éteinte`,
  },
  {
    id: 'camera.offline',
    kinds: ['camera'],
    status: 'offline',
    holds: (m) => (typeof m.online === 'boolean' ? !m.online : undefined),
    message: () => 'Caméra hors ligne : plus de flux vidéo',
  },
  {
    id: 'battery.low',
    kinds: ['waste-container', 'building', 'gate'],
    status: 'warning',
    holds: (m, _r, active, c) => below(num(m, 'batteryPercent'), c.threshold, active),
    message: (m) => `Batterie faible : ${formatNumberFr(num(m, 'batteryPercent') ?? 0)} %`,
  },
  {
    // A gate found open when nobody may be inside: outside its opening hours and not commanded
    // open. (No building door contact is decoded by our codecs yet, so gates only.)
    id: 'intrusion',
    kinds: ['gate'],
    status: 'alarm',
    holds: (m, r, _active, c) => {
      if (typeof m.gateOpen !== 'boolean') return undefined;
      return m.gateOpen && !gateMayBeOpen(r, c.atMs, c.gateHours(r.asset.id));
    },
    message: () => 'Intrusion : portail ouvert en dehors des horaires d’ouverture, sans commande d’ouverture',
  },
];

export const CONDITIONS_BY_KIND: ReadonlyMap<AssetKind, readonly Condition[]> = (() => {
  const byKind = new Map<AssetKind, Condition[]>();
  for (const condition of CONDITIONS) {
    for (const kind of condition.kinds) byKind.set(kind, [...(byKind.get(kind) ?? []), condition]);
  }
  return byKind;
})();

/** A device that stopped reporting: not a threshold on a value, raised by the silence sweep. */
export const SILENCE_CONDITION = {
  id: 'device.silent',
  /** Defaults from the shared table; those in force are the threshold settings (ThresholdBook). */
  priority: THRESHOLD_DEFINITIONS.get('device.silent')!.priority as AlarmPriority,
  status: 'stale' as AssetStatus,
  /** Silent after this many expected uplink periods without one (the `raise` of `device.silent`). */
  missedPeriods: THRESHOLD_DEFINITIONS.get('device.silent')!.raise!,
};

/**
 * A gateway the network no longer hears anything through (power cut, backhaul down): raised by the
 * gateway sweep, the « pas de données » of the devices behind it are grouped under it.
 */
export const GATEWAY_SILENCE = {
  id: GATEWAY_SILENT_CONDITION,
  priority: THRESHOLD_DEFINITIONS.get(GATEWAY_SILENT_CONDITION)!.priority as AlarmPriority,
  status: 'offline' as AssetStatus,
  /** Silent after this many periods of the most frequent device it hears (`BEFFROI_GATEWAY_SILENT_PERIODS`). */
  defaultMissedPeriods: 3,
};

/** Conditions on a lighting cabinet that explain why devices behind it fall silent. */
export const CABINET_CAUSES: readonly string[] = ['cabinet.feeder-fault', 'cabinet.fault'];
