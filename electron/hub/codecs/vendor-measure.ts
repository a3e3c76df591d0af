import { type Fields, numberField } from './fields';

/**
 * A reading from our decoders (a number) or from a vendor decoder run by the network server that
 * prints the unit after the number (Dingtek DF702 `"2000 mm"`, Dragino's ChirpStack v4 LDDS75
 * decoder `"3.3 V"`) or the number alone as a string (`toFixed(2)`: `"25.00"`).
 */
export function measure(fields: Fields, name: string): number | undefined {
  const value = numberField(fields, name);
  if (value !== undefined) return value;
  const text = fields[name];
  if (typeof text !== 'string') return undefined;
  const match = /^\s*(-?\d+(?:\.\d+)?)(?:\s|$)/.exec(text);
  return match ? Number(match[1]) : undefined;
}
