/**
 * How every benchmark of issue 8 states its result: our figure, the peer's figure measured in the
 * same run, the ratio, the goal and whether it is met. Also written to `bench-results/<name>.json`
 * (not committed) so the README table can be filled from what actually ran.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RESULTS_DIR = fileURLToPath(new URL('../../../bench-results/', import.meta.url));

export interface Comparison {
  /** Goal id from the issue (H3, M2…). */
  id: string;
  what: string;
  unit: string;
  ours: number;
  peer: number;
  peerName: string;
  /** `lower`: a cost (ms, bytes), the ratio is peer ÷ ours; `higher`: a rate, the ratio is ours ÷ peer. */
  better: 'lower' | 'higher';
  /** How many times better than the peer we must be. */
  goalRatio: number;
}

export interface Absolute {
  id: string;
  what: string;
  unit: string;
  value: number;
  better: 'lower' | 'higher';
  goal: number;
}

export function ratioOf(c: Comparison): number {
  return c.better === 'lower' ? c.peer / c.ours : c.ours / c.peer;
}

const fr = (n: number, digits = 1) => n.toLocaleString('fr-FR', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

/** One line per comparison: raw figures, ratio, goal, verdict. */
export function comparisonLine(c: Comparison): string {
  const ratio = ratioOf(c);
  const met = ratio >= c.goalRatio;
  return `${c.id} ${c.what} : nous ${fr(c.ours, 2)} ${c.unit}, ${c.peerName} ${fr(c.peer, 2)} ${c.unit} → ${fr(ratio, 1)}× ${c.better === 'lower' ? 'moins cher' : 'plus rapide'} (objectif ≥ ${fr(c.goalRatio)}×) : ${met ? 'ATTEINT' : 'MANQUÉ'}`;
}

export function absoluteLine(a: Absolute): string {
  const met = a.better === 'lower' ? a.value <= a.goal : a.value >= a.goal;
  return `${a.id} ${a.what} : ${fr(a.value, 2)} ${a.unit} (objectif ${a.better === 'lower' ? '≤' : '≥'} ${fr(a.goal, 2)} ${a.unit}) : ${met ? 'ATTEINT' : 'MANQUÉ'}`;
}

/** Prints the verdict block and records everything the run measured as JSON. */
export function report(name: string, details: { machine: Record<string, string>; runSeconds: number; comparisons?: Comparison[]; absolutes?: Absolute[]; [key: string]: unknown }): void {
  console.log(`\n--- ${name} : verdict (durée ${fr(details.runSeconds, 0)} s) ---`);
  for (const [key, value] of Object.entries(details.machine)) console.log(`  ${key}: ${value}`);
  for (const c of details.comparisons ?? []) console.log(comparisonLine(c));
  for (const a of details.absolutes ?? []) console.log(absoluteLine(a));
  mkdirSync(RESULTS_DIR, { recursive: true });
  const comparisons = (details.comparisons ?? []).map((c) => ({ ...c, ratio: ratioOf(c), met: ratioOf(c) >= c.goalRatio }));
  writeFileSync(join(RESULTS_DIR, `${name}.json`), JSON.stringify({ at: new Date().toISOString(), ...details, comparisons }, null, 2));
}
