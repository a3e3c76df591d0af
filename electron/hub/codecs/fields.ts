import type { MetricId, Observation } from '../../../shared/domain/metrics';

/** Decoded fields, named as the vendor's decoder names them. Values come from the wire: check them. */
export type Fields = Record<string, unknown>;

export function numberField(fields: Fields, name: string): number | undefined {
  const value = fields[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function stringField(fields: Fields, name: string): string | undefined {
  const value = fields[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanField(fields: Fields, name: string): boolean | undefined {
  const value = fields[name];
  return typeof value === 'boolean' ? value : undefined;
}

/**
 * Device side (simulator, tests): the value to encode. A missing or mistyped field is a
 * programmer error, so it throws rather than sending a wrong frame.
 */
export function requireNumber(fields: Fields, name: string): number {
  const value = numberField(fields, name);
  if (value === undefined) throw new TypeError(`${name} : nombre attendu, reçu ${describe(fields[name])}`);
  return value;
}

export function requireChoice<T extends string>(fields: Fields, name: string, choices: readonly T[]): T {
  const value = fields[name];
  const found = choices.find((choice) => choice === value);
  if (found === undefined) {
    throw new TypeError(`${name} : une valeur parmi ${choices.join(', ')} attendue, reçu ${describe(value)}`);
  }
  return found;
}

function describe(value: unknown): string {
  return value === undefined ? 'rien' : JSON.stringify(value);
}

/**
 * Collects observations from decoded fields. Shared by `decodeUplink` (fields we decoded) and
 * `normaliseObject` (fields the network server's copy of the vendor decoder produced), so both
 * paths give the same metrics; a field of the wrong type is skipped, never guessed.
 */
export class ObservationList {
  readonly items: Observation[] = [];

  constructor(private readonly fields: Fields) {}

  /** `metric` = field value × `factor` (e.g. mA → A with 0.001). */
  number(metric: MetricId, field: string, factor = 1): this {
    const value = numberField(this.fields, field);
    if (value !== undefined) this.items.push({ metric, value: roundTo(value * factor, 6) });
    return this;
  }

  /** `metric` = whether the field equals `whenTrue`, when the field is one of the known values. */
  flag(metric: MetricId, field: string, whenTrue: string, whenFalse: readonly string[]): this {
    const value = stringField(this.fields, field);
    if (value === whenTrue) this.items.push({ metric, value: true });
    else if (value !== undefined && whenFalse.includes(value)) this.items.push({ metric, value: false });
    return this;
  }

  boolean(metric: MetricId, field: string): this {
    const value = booleanField(this.fields, field);
    if (value !== undefined) this.items.push({ metric, value });
    return this;
  }

  push(metric: MetricId, value: number | boolean | string): this {
    this.items.push({ metric, value });
    return this;
  }
}

/** Removes binary floating-point noise (0.1 × 3 → 0.3) from scaled readings. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
