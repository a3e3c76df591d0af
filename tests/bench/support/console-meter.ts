/**
 * The console in a real Chromium, and what a benchmark reads of its main thread: the DevTools
 * Protocol's run-time metrics in thread time (CPU the main thread spent, whatever SwiftShader or
 * the other processes do with the wall clock), and the renderer's own counters
 * (`window.__beffroiDebug`) summed over the frames of an update.
 */
import { type Browser, type CDPSession, type Page, chromium } from '@playwright/test';
import { z } from 'zod';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/browser';

/** Fixed viewport at device pixel ratio 1: the same pixels to draw on every run. */
const VIEWPORT = { width: 1280, height: 800 };

export async function launchChromium(): Promise<Browser> {
  const found = findChromium();
  if (!found.found) throw new Error(found.reason);
  return chromium.launch({ executablePath: found.path, args: [...CHROMIUM_ARGS] });
}

/** Opens the console, logs in through its form, and waits until the map draws every asset. */
export async function openConsole(browser: Browser, url: string, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'fr-FR' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Identifiant').fill(username);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Polled from here: the console's CSP (no eval) forbids Playwright's in-page string predicates.
  for (const giveUp = Date.now() + 180_000; ; await new Promise((r) => setTimeout(r, 500))) {
    const { assetsDrawn, assetsTotal } = await consoleCounters(page);
    if (assetsTotal > 0 && assetsDrawn === assetsTotal) break;
    if (Date.now() > giveUp) throw new Error(`la carte n'a pas dessiné les équipements en 3 minutes (${assetsDrawn} sur ${assetsTotal})`);
  }
  return page;
}

const Counters = z.object({
  assetsDrawn: z.number(),
  assetsTotal: z.number(),
  /** Instances the last frame gave the GPU (culled street lamps); absent from older consoles. */
  instancesDrawn: z.number().optional(),
  lastSeq: z.number(),
  alarmsActive: z.number(),
  /** Cumulative: the store's applies and the events in them, colours handed to the map, deck.gl frames. */
  framesApplied: z.number(),
  eventsApplied: z.number(),
  colourRowsChanged: z.number(),
  framesDrawn: z.number(),
});

export async function consoleCounters(page: Page): Promise<z.infer<typeof Counters>> {
  return Counters.parse(
    await page.evaluate(`(() => {
      const d = window.__beffroiDebug;
      if (!d) return { assetsDrawn: 0, assetsTotal: 0, lastSeq: -1, alarmsActive: 0, framesApplied: 0, eventsApplied: 0, colourRowsChanged: 0, framesDrawn: 0 };
      return { assetsDrawn: d.assetsDrawn, assetsTotal: d.assetsTotal, instancesDrawn: d.instancesDrawn, lastSeq: d.lastSeq, alarmsActive: d.alarmsActive,
        framesApplied: d.framesApplied, eventsApplied: d.eventsApplied, colourRowsChanged: d.colourRowsChanged, framesDrawn: d.framesDrawn };
    })()`),
  );
}

/** CSS animations still running in the page (an alarm row's arrival flash lasts a few seconds). */
export async function runningAnimations(page: Page): Promise<number> {
  return z.number().parse(await page.evaluate('document.getAnimations().length'));
}

/** Main-thread figures of the DevTools Protocol, in thread time (ms). */
export const METRICS = ['ThreadTime', 'TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
export type MetricName = (typeof METRICS)[number];
export type Metrics = Record<MetricName, number>;

const MetricsReply = z.object({ metrics: z.array(z.object({ name: z.string(), value: z.number() })) });

export class MainThreadMeter {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<MainThreadMeter> {
    const cdp = await page.context().newCDPSession(page);
    // threadTicks: durations are the main thread's running time, not wall time.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    return new MainThreadMeter(cdp);
  }

  async read(): Promise<Metrics> {
    const { metrics } = MetricsReply.parse(await this.cdp.send('Performance.getMetrics'));
    const byName = new Map(metrics.map((m) => [m.name, m.value]));
    // Durations come in seconds.
    return Object.fromEntries(METRICS.map((name) => [name, (byName.get(name) ?? Number.NaN) * 1000])) as Metrics;
  }
}

export function metricsDelta(before: Metrics, after: Metrics): Metrics {
  return Object.fromEntries(METRICS.map((name) => [name, after[name] - before[name]])) as Metrics;
}

/** What some windows spent per ms of their wall time, together. */
export function perMs(windows: readonly { wallMs: number; main: Metrics }[]): Metrics {
  const wallMs = windows.reduce((n, w) => n + w.wallMs, 0);
  return Object.fromEntries(METRICS.map((name) => [name, windows.reduce((n, w) => n + w.main[name], 0) / wallMs])) as Metrics;
}

/** `metrics` less what an idle console spends over the same wall time (`idlePerMs`: per ms of wall). */
export function beyondIdle(metrics: Metrics, idlePerMs: Metrics, wallMs: number): Metrics {
  return Object.fromEntries(METRICS.map((name) => [name, metrics[name] - idlePerMs[name] * wallMs])) as Metrics;
}

/**
 * Watches the console's frames from inside the page: each animation frame it reads the store's
 * counters and sums the apply time of the update applied since (`lastApplyMs`). The store also
 * flushes from a 250 ms timer when animation frames lag (SwiftShader): two flushes between two
 * looks show only the last one's time, so those are counted as `unseen` and the sum is a floor.
 * `stop` resolves once the console holds `seq` and two more frames have passed (the map has
 * drawn). Written as page source strings: the page runs them as they are.
 */
export const FrameWatch = {
  async start(page: Page): Promise<void> {
    await page.evaluate(`(() => {
      const d = window.__beffroiDebug;
      const w = { frames: d.framesApplied, events: d.eventsApplied, flushes: 0, unseen: 0, applyMs: 0, maxApplyMs: 0, longTasks: 0, maxLongTaskMs: 0, target: Infinity, after: -1, done: null, result: null };
      // Tasks over 50 ms (wall time) while the update lands: what an operator would feel as a hitch.
      const observer = new PerformanceObserver((list) => {
        for (const task of list.getEntries()) {
          w.longTasks += 1;
          w.maxLongTaskMs = Math.max(w.maxLongTaskMs, task.duration);
        }
      });
      observer.observe({ type: 'longtask' });
      const startEvents = d.eventsApplied;
      const startFrames = d.framesApplied;
      const tick = () => {
        if (d.framesApplied !== w.frames) {
          w.unseen += d.framesApplied - w.frames - 1;
          w.frames = d.framesApplied;
          w.applyMs += d.lastApplyMs;
          w.maxApplyMs = Math.max(w.maxApplyMs, d.lastApplyMs);
        }
        if (w.after < 0 && d.lastSeq >= w.target) w.after = 0;
        if (w.after >= 0 && ++w.after > 2) {
          observer.disconnect();
          w.result = {
            flushes: d.framesApplied - startFrames,
            unseen: w.unseen,
            events: d.eventsApplied - startEvents,
            applyMs: w.applyMs,
            maxApplyMs: w.maxApplyMs,
            longTasks: w.longTasks,
            maxLongTaskMs: w.maxLongTaskMs,
          };
          if (w.done) w.done(w.result);
          return;
        }
        requestAnimationFrame(tick);
      };
      window.__benchWatch = w;
      requestAnimationFrame(tick);
    })()`);
  },

  async stop(page: Page, seq: number): Promise<FrameWatchResult> {
    const result: unknown = await page.evaluate(`((seq) => new Promise((resolve) => {
      const w = window.__benchWatch;
      if (w.result) return resolve(w.result);
      w.target = seq;
      w.done = resolve;
    }))(${JSON.stringify(seq)})`);
    return FrameWatchResult.parse(result);
  },
};

const FrameWatchResult = z.object({
  flushes: z.number(),
  unseen: z.number(),
  events: z.number(),
  applyMs: z.number(),
  maxApplyMs: z.number(),
  longTasks: z.number(),
  maxLongTaskMs: z.number(),
});
export type FrameWatchResult = z.infer<typeof FrameWatchResult>;
