import { writeFileSync } from 'node:fs';
import { launchChromium } from './support/console-meter';
import { servePages } from './support/map-snapshot-pages';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const server = await servePages();
const browser = await launchChromium();
for (let round = 0; round < 3; round++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${server.url}/ours.html`);
  await page.waitForFunction('window.__snapshotBench !== undefined');
  await page.evaluate('window.__snapshotBench.load()');
  await sleep(1000);
  const cdp = await context.newCDPSession(page);
  await page.evaluate('window.__snapshotBench.fetchInput()');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate('window.__snapshotBench.run()');
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
  writeFileSync(`/tmp/m1-prof-${round}.json`, JSON.stringify(profile));
  await context.close();
}
await browser.close();
await server.close();
