/**
 * Prints what map-update measured: the machine and browser, the changes made, and per round the
 * main thread's figures (min / median / max), raw and beyond what an idle console spends over
 * the same wall time. No threshold: figures for people and for the record.
 */
import type { ChangePlan } from './change-plan';
import { type FrameWatchResult, METRICS, type Metrics } from './console-meter';

export interface Round {
  direction: 'pose' | 'retour';
  wallMs: number;
  /** DevTools Protocol deltas over the round's window (ms of main-thread time). */
  main: Metrics;
  /** The same, less an idle console's cost over the window's wall time. */
  net: Metrics;
  frames: FrameWatchResult;
  statusChanges: number;
  /** After the window: until the page is quiet again (CSS animations of new alarm rows). */
  tail: { wallMs: number; main: Metrics };
  tailNet: Metrics;
}

export interface MapUpdateReport {
  machine: Record<string, string>;
  demo: string;
  assetsDrawn: number;
  assetsTotal: number;
  instancesDrawn: number | undefined;
  plan: ChangePlan;
  feederTrips: boolean;
  /** Status changes one tripped feeder made when probed. */
  probed: number;
  rounds: Round[];
  idle: { wallMs: number; main: Metrics }[];
  /** Models the bench could not feed (their assets may turn stale during the run). */
  unfed: string[];
  loadS: number;
  hubStartS: number;
  runS: number;
}

function spreadOf(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const f = (n: number | undefined) => (n ?? Number.NaN).toFixed(1).padStart(8);
  return `${f(sorted[0])}${f(median)}${f(sorted[sorted.length - 1])}`;
}

const LABELS: Record<(typeof METRICS)[number], string> = {
  ThreadTime: 'CPU du fil principal (ThreadTime)',
  TaskDuration: 'tâches (TaskDuration)',
  ScriptDuration: 'script (ScriptDuration)',
  LayoutDuration: 'mise en page (LayoutDuration)',
  RecalcStyleDuration: 'styles (RecalcStyleDuration)',
};

/**
 * Setting faults and restoring them are different work (alarms raised and new rows in the list,
 * or alarms cleared): one column group each, min / median / max.
 */
function table(rounds: readonly Round[], title: string, rows: [string, (r: Round) => number][]): void {
  const directions: Round['direction'][] = ['pose', 'retour'];
  const heads = directions.map((d) => `${d} (${rounds.filter((r) => r.direction === d).length})`);
  console.log(`\n${title.padEnd(46)}${heads.map((h) => h.padStart(24)).join('  ')}`);
  console.log(`${''.padEnd(46)}${directions.map(() => `${'min'.padStart(8)}${'médiane'.padStart(8)}${'max'.padStart(8)}`).join('  ')}`);
  for (const [label, value] of rows) {
    const cells = directions.map((d) => spreadOf(rounds.filter((r) => r.direction === d).map(value)));
    console.log(`  ${label.padEnd(44)}${cells.join('  ')}`);
  }
}

export function printRounds(report: MapUpdateReport): void {
  const { rounds, plan } = report;
  console.log(JSON.stringify({ benchmark: 'map-update', machine: report.machine }, null, 1));
  const mix = plan.steps.map((s) => `${s.assetIds.length} × ${s.reading}`).join(', ');
  const byKind = [...plan.expected].map(([kind, n]) => `${n} ${kind}`).join(' + ');
  const observed = [...new Set(rounds.map((r) => r.statusChanges))].join(', ');
  const instances = report.instancesDrawn === undefined ? '' : ` (${report.instancesDrawn} instances données au GPU à cette échelle)`;
  const unfed = report.unfed.length > 0 ? `\n  modèles non alimentés par le banc    ${report.unfed.join(', ')} (leurs équipements peuvent passer « sans données »)` : '';

  console.log(`
Mise à jour de la carte — démo ${report.demo}, ${report.assetsDrawn} équipements dessinés sur ${report.assetsTotal}${instances}
  changements d'état par tour         ${plan.total} attendus (${byKind}) ; vus par le témoin : ${observed}
  liaisons montantes par tour         ${plan.uplinks} (${mix})
  règle « départ déclenché »          ${report.feederTrips ? `présente (sonde : ${report.probed} changements pour une armoire)` : 'absente du hub : mélange sans points lumineux'}
  tours mesurés                       ${rounds.length}, alternés pose / retour, après échauffement${unfed}`);

  table(rounds, `Fil principal, par tour de ${plan.total} changements (ms)`, METRICS.map((m) => [LABELS[m], (r) => r.main[m]]));
  table(rounds, 'Les mêmes, moins la console au repos (ms)', METRICS.map((m) => [LABELS[m], (r) => r.net[m]]));
  table(rounds, 'Compteurs du rendu, par tour', [
    ['store + calques, somme des images vues (ms)', (r) => r.frames.applyMs],
    ['store + calques, image la plus lourde (ms)', (r) => r.frames.maxApplyMs],
    ['images appliquées', (r) => r.frames.flushes],
    ['  dont non vues (somme = plancher)', (r) => r.frames.unseen],
    ['événements appliqués', (r) => r.frames.events],
    ['tâches longues (> 50 ms)', (r) => r.frames.longTasks],
    ['tâche la plus longue (ms, horloge)', (r) => r.frames.maxLongTaskMs],
  ]);
  table(rounds, 'Traîne : après le dessin, jusqu’au calme', [
    ['durée (ms, horloge)', (r) => r.tail.wallMs],
    ['CPU du fil principal (ms)', (r) => r.tail.main.ThreadTime],
    ['CPU du fil principal, moins le repos (ms)', (r) => r.tailNet.ThreadTime],
    ['styles (RecalcStyleDuration, ms)', (r) => r.tail.main.RecalcStyleDuration],
  ]);
  table(rounds, 'Horloge murale (hub + page + SwiftShader)', [['publication → page à jour et dessinée (ms)', (r) => r.wallMs]]);

  const idle = report.idle
    .map((w) => `${(w.wallMs / 1000).toFixed(1)} s → ${METRICS.map((m) => `${m} ${((w.main[m] / w.wallMs) * 1000).toFixed(0)}`).join(', ')}`)
    .join(' ; ');
  console.log(`
Console au repos (ms par seconde d'horloge, avant puis après les tours) : ${idle}
Démarrage du hub (seed ${report.demo} compris) ${report.hubStartS.toFixed(1)} s ; connexion et première carte ${report.loadS.toFixed(1)} s ; banc entier ${report.runS.toFixed(0)} s`);
}
