import { z } from 'zod';

/**
 * Programmes that run in the hub on behalf of people: a school's weekly heating, a cabinet's
 * lighting night, a cemetery's opening hours. Times are Paris wall-clock times (`HH:MM`): the
 * school bell and the cemetery keeper do not care about UTC, and a programme must survive the
 * clock changes of March and October.
 */
export const WallTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure attendue au format HH:MM (00:00 à 23:59)');
export type WallTime = z.infer<typeof WallTime>;
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'jour attendu au format MM-JJ');

/** Days of the week, Monday first as in France; index i of a week is `WEEKDAYS[i]`. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

// ─── school heating ──────────────────────────────────────────────────────────────────────────

/** Comfort while people are in, reduced at night and at weekends, frost protection when closed. */
export const HeatingMode = z.enum(['comfort', 'reduced', 'frost']);
export type HeatingMode = z.infer<typeof HeatingMode>;

/** From `from` on that day, the building is held in `mode` until the next period starts. */
export const HeatingPeriod = z.object({ from: WallTime, mode: HeatingMode });
export type HeatingPeriod = z.infer<typeof HeatingPeriod>;

const DayPeriods = z
  .array(HeatingPeriod)
  .max(8, 'huit périodes par jour au plus')
  .refine((periods) => periods.every((p, i) => i === 0 || periods[i - 1]!.from < p.from), 'les périodes d’un jour doivent être dans l’ordre des heures, sans doublon');

export const HeatingProgramme = z
  .object({
    /** °C held in each mode. */
    setpoints: z.object({ comfort: z.number().finite(), reduced: z.number().finite(), frost: z.number().finite() }),
    /**
     * Periods per day. Before a day's first period, the previous day's last mode goes on (so a
     * Friday 18:00 « reduced » holds over the weekend unless Saturday says otherwise).
     */
    week: z.object(Object.fromEntries(WEEKDAYS.map((day) => [day, DayPeriods])) as Record<Weekday, typeof DayPeriods>),
    /** The whole day, on school holidays of the building's zone and on public holidays. */
    daysOff: HeatingMode,
  })
  .refine((p) => p.setpoints.frost <= p.setpoints.reduced && p.setpoints.reduced <= p.setpoints.comfort, {
    message: 'les consignes doivent croître : hors-gel ≤ réduit ≤ confort',
    path: ['setpoints'],
  });
export type HeatingProgramme = z.infer<typeof HeatingProgramme>;

// ─── street lighting ─────────────────────────────────────────────────────────────────────────

/** A level the lamps drop (or rise) to at a wall time of the night. */
export const DimmingStep = z.object({ from: WallTime, percent: z.number().int().min(0).max(100) });
export type DimmingStep = z.infer<typeof DimmingStep>;

/**
 * A dated exception for the night that starts that evening: a festival night lit all night at
 * full power, a night off, or a night without the cut-off.
 */
export const LightingException = z.object({
  date: IsoDate,
  mode: z.enum(['all-night', 'off', 'no-cut-off']),
  label: z.string().trim().min(1, 'donner un libellé (ex. : Fête de la musique)').max(120),
});
export type LightingException = z.infer<typeof LightingException>;

export const LightingSchedule = z.object({
  /** Minutes after sunset (negative: before) the lamps switch on. */
  switchOnAfterSunsetMin: z.number().int().min(-120).max(120),
  /** Minutes after sunrise (negative: before) the lamps switch off. */
  switchOffAfterSunriseMin: z.number().int().min(-120).max(120),
  /** Level at switch-on. */
  duskPercent: z.number().int().min(1).max(100),
  /** Later levels through the night, in wall-clock order from the evening (23:00, then 01:00). */
  dimming: z.array(DimmingStep).max(6, 'six paliers au plus'),
  /** Lamps off in this window of the night (a commune's « extinction en cœur de nuit »). */
  cutOff: z.object({ from: WallTime, to: WallTime }).optional(),
  exceptions: z.array(LightingException).max(60),
});
export type LightingSchedule = z.infer<typeof LightingSchedule>;

// ─── cemetery gates ──────────────────────────────────────────────────────────────────────────

/** Opening hours from a day of the year on, until the next season starts. */
export const GateSeason = z.object({ from: MonthDay, label: z.string().max(60), open: WallTime, close: WallTime });
export type GateSeason = z.infer<typeof GateSeason>;

export const GateHours = z.object({
  seasons: z
    .array(GateSeason)
    .min(1)
    .max(4)
    .refine((seasons) => seasons.every((s) => s.open < s.close), 'l’ouverture doit précéder la fermeture'),
  /** Days with other hours (All Saints' Day opens earlier) or closed all day. */
  exceptions: z
    .array(z.object({ date: IsoDate, label: z.string().max(120), open: WallTime.optional(), close: WallTime.optional(), closed: z.boolean().optional() }))
    .max(60),
});
export type GateHours = z.infer<typeof GateHours>;
