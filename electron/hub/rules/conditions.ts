import { GATEWAY_SILENT_CONDITION, type AlarmPriority } from '../../../shared/domain/alarms';
import type { AssetKind, AssetStatus, MetricValues } from '../../../shared/domain/assets';
import type { AssetRecord } from '../state/records';
import { formatNumberFr } from './format';

/**
 * An alarm condition: when it holds for an asset, one alarm is active for (asset, condition).
 * `holds` gets whether the alarm is already active so thresholds can have hysteresis (a CO2
 * reading hovering at 1,500 ppm must not raise and clear every uplink).
 */
export interface Condition {
  id: string;
  kinds: readonly AssetKind[];
  priority: AlarmPriority;
  /** What the asset's status becomes while the condition holds. */
  status: AssetStatus;
  /** true: holds; false: does not; undefined: the metric is not known yet. */
  holds(metrics: MetricValues, record: AssetRecord, active: boolean): boolean | undefined;
  message(metrics: MetricValues, record: AssetRecord): string;
}

function num(metrics: MetricValues, id: string): number | undefined {
  const v = metrics[id];
  return typeof v === 'number' ? v : undefined;
}

function setting(record: AssetRecord, key: string, fallback: number): number {
  const v = record.settings[key];
  return typeof v === 'number' ? v : fallback;
}

/** Above `raise` it holds; once active it holds until below `clear`. */
function above(value: number | undefined, raise: number, clear: number, active: boolean): boolean | undefined {
  if (value === undefined) return undefined;
  return active ? value >= clear : value > raise;
}

export const CO2_RAISE_PPM = 1500;
/** Below this share of its lamps' rated power, a lit cabinet has a line out (a few lamps out is ~5 %). */
export const FEEDER_FAULT_RATIO = 0.9;

/** What a cabinet's lamps draw when all are lit, from its inventory. */
function expectedPowerW(record: AssetRecord): number | undefined {
  const { lampCount, lampPowerW } = record.settings;
  return typeof lampCount === 'number' && typeof lampPowerW === 'number' ? lampCount * lampPowerW : undefined;
}
export const BIN_FULL_PERCENT = 90;
export const BIN_NEARLY_FULL_PERCENT = 75;

export const CONDITIONS: readonly Condition[] = [
  {
    id: 'co2.high',
    kinds: ['building'],
    priority: 'medium',
    status: 'alarm',
    holds: (m, _r, active) => above(num(m, 'co2Ppm'), CO2_RAISE_PPM, 1400, active),
    message: (m) => `CO₂ élevé : ${formatNumberFr(num(m, 'co2Ppm') ?? 0)} ppm (seuil ${formatNumberFr(CO2_RAISE_PPM)} ppm)`,
  },
  {
    id: 'bin.full',
    kinds: ['waste-container'],
    priority: 'medium',
    status: 'alarm',
    holds: (m, _r, active) => above(num(m, 'fillPercent'), BIN_FULL_PERCENT - 0.5, 80, active),
    message: (m) => `Conteneur plein : ${formatNumberFr(num(m, 'fillPercent') ?? 0)} % (seuil ${BIN_FULL_PERCENT} %)`,
  },
  {
    id: 'cabinet.power-overrun',
    kinds: ['lighting-cabinet'],
    priority: 'high',
    status: 'alarm',
    holds: (m, r, active) => {
      const limit = setting(r, 'contractedPowerW', Number.POSITIVE_INFINITY);
      return above(num(m, 'powerW'), limit, limit * 0.95, active);
    },
    message: (m, r) =>
      `Dépassement de puissance : ${formatNumberFr(num(m, 'powerW') ?? 0)} W pour ${formatNumberFr(
        setting(r, 'contractedPowerW', 0),
      )} W souscrits`,
  },
  {
    id: 'cabinet.fault',
    kinds: ['lighting-cabinet'],
    priority: 'high',
    status: 'alarm',
    holds: (m) => (typeof m.faultActive === 'boolean' ? m.faultActive : undefined),
    message: () => 'Défaut signalé par l’armoire : un départ d’éclairage est hors service',
  },
  {
    // A tripped feeder line leaves a street dark: the cabinet is lit but draws well under what its
    // lamps need (the controller reports no fault flag, only its power).
    id: 'cabinet.feeder-fault',
    kinds: ['lighting-cabinet'],
    priority: 'high',
    status: 'alarm',
    holds: (m, r, active) => {
      const expected = expectedPowerW(r);
      const power = num(m, 'powerW');
      if (expected === undefined || power === undefined || typeof m.relayOn !== 'boolean') return undefined;
      if (!m.relayOn) return false;
      return active ? power < expected * 0.95 : power < expected * FEEDER_FAULT_RATIO;
    },
    message: (m, r) =>
      `Départ d’éclairage en défaut : ${formatNumberFr(num(m, 'powerW') ?? 0)} W consommés pour ${formatNumberFr(
        expectedPowerW(r) ?? 0,
      )} W attendus, une partie des points lumineux est éteinte`,
  },
  {
    id: 'camera.offline',
    kinds: ['camera'],
    priority: 'high',
    status: 'offline',
    holds: (m) => (typeof m.online === 'boolean' ? !m.online : undefined),
    message: () => 'Caméra hors ligne : plus de flux vidéo',
  },
  {
    id: 'battery.low',
    kinds: ['waste-container', 'building', 'gate'],
    priority: 'low',
    status: 'warning',
    holds: (m, _r, active) => {
      const battery = num(m, 'batteryPercent');
      if (battery === undefined) return undefined;
      return active ? battery <= 15 : battery < 10;
    },
    message: (m) => `Batterie faible : ${formatNumberFr(num(m, 'batteryPercent') ?? 0)} %`,
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
  priority: 'low' as AlarmPriority,
  status: 'stale' as AssetStatus,
  /** Silent after this many expected uplink periods without one. */
  missedPeriods: 3,
};

/**
 * A gateway the network no longer hears anything through (power cut, backhaul down): raised by the
 * gateway sweep, the « pas de données » of the devices behind it are grouped under it.
 */
export const GATEWAY_SILENCE = {
  id: GATEWAY_SILENT_CONDITION,
  priority: 'high' as AlarmPriority,
  status: 'offline' as AssetStatus,
  /** Silent after this many periods of the most frequent device it hears (`BEFFROI_GATEWAY_SILENT_PERIODS`). */
  defaultMissedPeriods: 3,
};

/** Conditions on a lighting cabinet that explain why devices behind it fall silent. */
export const CABINET_CAUSES: readonly string[] = ['cabinet.feeder-fault', 'cabinet.fault'];
