import { ConsolePage } from './support/console-page';
import { expect, missingForEndToEnd, test } from './support/hub';

/**
 * The map's promise to the GPU: positions are uploaded once per layout, a status change re-uploads
 * only the colour buffer of the kinds it touched. Checked from the outside, by recording every
 * WebGL buffer upload the page makes while live status changes stream in. Sizes tell the buffers
 * apart: a kind's positions are 16 bytes per asset (lon/lat as 64-bit, split in two 32-bit halves
 * for the GPU), its colours 4 bytes per asset.
 */
declare global {
  interface Window {
    __uploads?: number[];
  }
}

test.describe('la carte et le GPU', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  test('un changement d’état ne renvoie au GPU que les couleurs, jamais les positions', async ({ page }) => {
    test.setTimeout(300_000);
    await page.addInitScript(() => {
      const uploads: number[] = [];
      window.__uploads = uploads;
      const proto = WebGL2RenderingContext.prototype;
      const subData = proto.bufferSubData;
      // Only the (target, offset, source) form is used by luma.gl for attribute writes.
      proto.bufferSubData = function (this: WebGL2RenderingContext, ...args: Parameters<typeof subData>) {
        const source = args[2];
        if (ArrayBuffer.isView(source)) uploads.push(source.byteLength);
        return subData.apply(this, args);
      } as typeof subData;
    });
    const consolePage = new ConsolePage(page);
    await consolePage.open();
    await consolePage.login('operateur');
    await consolePage.waitForMapDrawn();
    const kindCounts = await page.evaluate(() => window.__beffroiDebug?.kindCounts ?? {});
    const counts = Object.values(kindCounts).filter((n) => n > 0);

    await page.evaluate(() => (window.__uploads!.length = 0));
    const statusEventsBefore = await consolePage.debug('eventsApplied');
    // Live traffic from the demo simulator: wait for colour uploads, proof that statuses changed.
    await expect
      .poll(async () => {
        const uploads = await page.evaluate(() => [...(window.__uploads ?? [])]);
        // A small kind (40 gateways: 160 bytes) can match an unrelated buffer: count it only once events arrived.
        const applied = (await consolePage.debug('eventsApplied')) > statusEventsBefore;
        return applied && uploads.some((bytes) => counts.some((n) => bytes === n * 4));
      }, { timeout: 240_000, message: 'no status change reached the map' })
      .toBe(true);
    expect(await consolePage.debug('eventsApplied')).toBeGreaterThan(statusEventsBefore);

    const uploads = await page.evaluate(() => [...(window.__uploads ?? [])]);
    const positionSizes = new Set(counts.filter((n) => n > 1).map((n) => n * 16));
    expect(uploads.filter((bytes) => positionSizes.has(bytes)), `uploads seen: ${uploads.join(', ')}`).toEqual([]);
  });
});
