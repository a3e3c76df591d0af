import { z } from 'zod';
import { AlarmPriority } from './alarms';
import type { AssetKind, AssetStatus } from './assets';

/**
 * The alarm conditions' settings: the values shipped in the product, which an admin may override
 * from the console (issue 4). One table for the hub (rules) and the console (the « Seuils
 * d'alarme » screen), so both show the same defaults, units and bounds.
 *
 * - `raise`: the value past which the condition holds (`direction` says which side);
 * - `clear`: once raised, the condition holds until the value is back past this one (hysteresis);
 * - `delaySeconds`: the condition must hold this long before the alarm is raised;
 * - `priority`: the priority of the alarms it raises.
 * A condition without a number (a camera offline) has only a delay and a priority.
 */
export const ThresholdCondition = z.enum([
  'co2.high',
  'bin.nearly-full',
  'bin.full',
  'cabinet.power-overrun',
  'cabinet.feeder-fault',
  'cabinet.fault',
  'camera.offline',
  'battery.low',
  'intrusion',
  'gate.position',
  'device.silent',
  'gateway.silent',
]);
export type ThresholdCondition = z.infer<typeof ThresholdCondition>;

export interface ValueBounds {
  min: number;
  max: number;
}

export interface ThresholdDefinition {
  condition: ThresholdCondition;
  /** The asset kinds it applies to; the console groups conditions by these. */
  kinds: readonly AssetKind[];
  label: { fr: string; en: string };
  /** What the asset's status becomes while it holds (not a setting). */
  status: AssetStatus;
  /** `above`: holds past `raise` upwards; `below`: downwards. Only for conditions with a value. */
  direction?: 'above' | 'below';
  /** Unit of raise and clear, as French typography writes it. */
  unit?: string;
  /** The metric it watches, when it watches one directly. */
  metric?: string;
  raise?: number;
  clear?: number;
  /** What an admin may set raise and clear to. */
  bounds?: ValueBounds;
  /** Whether the delay means something here (the silences count periods, the gate its grace). */
  delayed: boolean;
  delaySeconds: number;
  priority: AlarmPriority;
}

/** A delay longer than a day is not a delay, it is a switch-off: use a maintenance window for that. */
export const MAX_DELAY_SECONDS = 86_400;

const def = (d: ThresholdDefinition) => d;

export const THRESHOLD_DEFAULTS: readonly ThresholdDefinition[] = [
  def({
    condition: 'co2.high', kinds: ['building'], label: { fr: 'CO₂ élevé (salle de classe)', en: 'High CO₂ (classroom)' },
    status: 'alarm', direction: 'above', unit: 'ppm', metric: 'co2Ppm', raise: 1500, clear: 1400, bounds: { min: 400, max: 10_000 },
    delayed: true, delaySeconds: 0, priority: 'medium',
  }),
  def({
    condition: 'bin.nearly-full', kinds: ['waste-container'], label: { fr: 'Conteneur presque plein', en: 'Container nearly full' },
    status: 'warning', direction: 'above', unit: '%', metric: 'fillPercent', raise: 75, clear: 70, bounds: { min: 0, max: 100 },
    delayed: true, delaySeconds: 0, priority: 'low',
  }),
  def({
    condition: 'bin.full', kinds: ['waste-container'], label: { fr: 'Conteneur plein', en: 'Container full' },
    status: 'alarm', direction: 'above', unit: '%', metric: 'fillPercent', raise: 90, clear: 80, bounds: { min: 0, max: 100 },
    delayed: true, delaySeconds: 0, priority: 'medium',
  }),
  def({
    // In per cent of the cabinet's own contracted power (a setting of each cabinet).
    condition: 'cabinet.power-overrun', kinds: ['lighting-cabinet'], label: { fr: 'Dépassement de puissance souscrite', en: 'Contracted power overrun' },
    status: 'alarm', direction: 'above', unit: '% souscrit', metric: 'powerW', raise: 100, clear: 95, bounds: { min: 50, max: 200 },
    delayed: true, delaySeconds: 0, priority: 'high',
  }),
  def({
    // In per cent of what the cabinet's lamps draw when all are lit; a few lamps out is about 5 %.
    condition: 'cabinet.feeder-fault', kinds: ['lighting-cabinet'], label: { fr: 'Départ d’éclairage en défaut', en: 'Lighting feeder fault' },
    status: 'alarm', direction: 'below', unit: '% attendu', metric: 'powerW', raise: 90, clear: 95, bounds: { min: 10, max: 100 },
    delayed: true, delaySeconds: 0, priority: 'high',
  }),
  def({
    condition: 'cabinet.fault', kinds: ['lighting-cabinet'], label: { fr: 'Défaut signalé par l’armoire', en: 'Fault reported by the cabinet' },
    status: 'alarm', delayed: true, delaySeconds: 0, priority: 'high',
  }),
  def({
    condition: 'camera.offline', kinds: ['camera'], label: { fr: 'Caméra hors ligne', en: 'Camera offline' },
    status: 'offline', delayed: true, delaySeconds: 0, priority: 'high',
  }),
  def({
    condition: 'battery.low', kinds: ['waste-container', 'building', 'gate'], label: { fr: 'Batterie faible', en: 'Low battery' },
    status: 'warning', direction: 'below', unit: '%', metric: 'batteryPercent', raise: 10, clear: 15, bounds: { min: 0, max: 100 },
    delayed: true, delaySeconds: 0, priority: 'low',
  }),
  def({
    condition: 'intrusion', kinds: ['gate'], label: { fr: 'Intrusion (ouvert hors horaires)', en: 'Intrusion (open out of hours)' },
    status: 'alarm', delayed: true, delaySeconds: 0, priority: 'critical',
  }),
  def({
    condition: 'gate.position', kinds: ['gate'], label: { fr: 'Portail hors de la position commandée', en: 'Gate not in its commanded position' },
    status: 'alarm', delayed: false, delaySeconds: 0, priority: 'high',
  }),
  def({
    // Counted in periods of the device's expected uplinks: a sensor every hour is silent after 3 h.
    condition: 'device.silent', kinds: ['lighting-cabinet', 'waste-container', 'building', 'gate'], label: { fr: 'Pas de données', en: 'No data' },
    status: 'stale', direction: 'above', unit: 'périodes', raise: 3, bounds: { min: 1, max: 48 },
    delayed: false, delaySeconds: 0, priority: 'low',
  }),
  def({
    condition: 'gateway.silent', kinds: ['gateway'], label: { fr: 'Passerelle muette', en: 'Silent gateway' },
    status: 'offline', delayed: false, delaySeconds: 0, priority: 'high',
  }),
];

export const THRESHOLD_DEFINITIONS: ReadonlyMap<string, ThresholdDefinition> = new Map(THRESHOLD_DEFAULTS.map((d) => [d.condition, d]));

/** An admin's override: only what differs from the shipped defaults is stored. */
export const ThresholdOverride = z.object({
  raise: z.number().finite().optional(),
  clear: z.number().finite().optional(),
  delaySeconds: z.number().int('un nombre entier de secondes').min(0, 'un délai ne peut être négatif').max(MAX_DELAY_SECONDS, 'un délai d’une journée au plus').optional(),
  priority: AlarmPriority.optional(),
});
export type ThresholdOverride = z.infer<typeof ThresholdOverride>;

/** A condition's settings in force, as the console lists them. */
export const Threshold = z.object({
  condition: ThresholdCondition,
  raise: z.number().optional(),
  clear: z.number().optional(),
  delaySeconds: z.number().int(),
  priority: AlarmPriority,
  /** Whether an admin changed something; `updatedBy`/`updatedAt` say who and when. */
  overridden: z.boolean(),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type Threshold = z.infer<typeof Threshold>;

/** The settings in force: the defaults with the override on top. */
export function effectiveThreshold(definition: ThresholdDefinition, override: ThresholdOverride | undefined): Omit<Threshold, 'overridden' | 'updatedBy' | 'updatedAt'> {
  const raise = override?.raise ?? definition.raise;
  const clear = override?.clear ?? definition.clear;
  return {
    condition: definition.condition,
    ...(raise !== undefined ? { raise } : {}),
    ...(clear !== undefined ? { clear } : {}),
    delaySeconds: override?.delaySeconds ?? definition.delaySeconds,
    priority: override?.priority ?? definition.priority,
  };
}

/**
 * Why these settings cannot be used, in French, or undefined when they can: values within the
 * condition's bounds, and the clear value on the safe side of the raise value (below it for an
 * « above » condition) so that the alarm can clear at all.
 */
export function thresholdProblem(definition: ThresholdDefinition, settings: ReturnType<typeof effectiveThreshold>): string | undefined {
  const { raise, clear } = settings;
  const unit = definition.unit ? ` ${definition.unit}` : '';
  if (definition.raise === undefined && raise !== undefined && raise !== definition.raise) return 'Cette condition n’a pas de seuil : seuls le délai et la priorité se règlent.';
  if (definition.clear === undefined && clear !== undefined) return 'Cette condition n’a pas de valeur de retour : seuls le seuil, le délai et la priorité se règlent.';
  if (!definition.delayed && settings.delaySeconds !== 0) return 'Cette condition n’a pas de délai réglable.';
  const bounds = definition.bounds;
  for (const [what, value] of [['Le seuil', raise], ['La valeur de retour', clear]] as const) {
    if (value !== undefined && bounds && (value < bounds.min || value > bounds.max)) {
      return `${what} doit être entre ${frNumber(bounds.min)} et ${frNumber(bounds.max)}${unit}.`;
    }
  }
  if (raise !== undefined && clear !== undefined) {
    if (definition.direction === 'above' && clear > raise) return `La valeur de retour (${frNumber(clear)}${unit}) doit être inférieure ou égale au seuil (${frNumber(raise)}${unit}).`;
    if (definition.direction === 'below' && clear < raise) return `La valeur de retour (${frNumber(clear)}${unit}) doit être supérieure ou égale au seuil (${frNumber(raise)}${unit}).`;
  }
  return undefined;
}

/** French digits for error messages (thin space for thousands, comma for decimals). */
function frNumber(value: number): string {
  return value.toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/\s/g, '\u202f');
}
