import { ConsolePage } from './support/console-page';
import { expect, missingForEndToEnd, test } from './support/hub';

/**
 * The map's promise to the GPU: positions are uploaded once per layout, and a status change writes
 * only the rows of the assets that changed (their 4 bytes of colour, plus a slot in the small
 * "lamps not ok" or "in alarm" layers), never a whole colour buffer. Checked from the outside, by
 * recording every WebGL write into a vertex buffer while live status changes stream in. Sizes tell
 * the buffers apart: a kind's positions are 16 bytes per asset (lon/lat as 64-bit, split in two
 * 32-bit halves for the GPU), its colours 4 bytes per asset. Uniform buffers (written every frame
 * by luma.gl) are told apart by never being bound as vertex buffers.
 */
declare global {
  interface Window {
    __uploads?: Array<{ buffer: WebGLBuffer | null; bytes: number }>;
    __vertexBuffers?: Set<WebGLBuffer>;
  }
}

/** Bytes a changed asset may cost at most: 4 of colour, a slot's 12 + 4, a moved slot's 12 + 4, and slack for coalesced neighbours. */
const BYTES_PER_CHANGE_AT_MOST = 64;
/** Rows of colour a lamp chunk holds (see lamp-layers.ts): the old way re-uploaded all of them. */
const LAMPS_PER_CHUNK = 2048;

test.describe('la carte et le GPU', () => {
  const missing = missingForEndToEnd();
  test.skip(missing !== null, `skipped: ${missing}`);

  test('un changement d’état n’écrit au GPU que les couleurs des équipements changés, jamais les positions', async ({ page }) => {
    test.setTimeout(300_000);
    await page.addInitScript(() => {
      const uploads: Array<{ buffer: WebGLBuffer | null; bytes: number }> = [];
      const vertexBuffers = new Set<WebGLBuffer>();
      const bound = new Map<number, WebGLBuffer | null>();
      window.__uploads = uploads;
      window.__vertexBuffers = vertexBuffers;
      const proto = WebGL2RenderingContext.prototype;
      const bind = proto.bindBuffer;
      proto.bindBuffer = function (this: WebGL2RenderingContext, target: number, buffer: WebGLBuffer | null) {
        bound.set(target, buffer);
        if (target === this.ARRAY_BUFFER && buffer) vertexBuffers.add(buffer);
        return bind.call(this, target, buffer);
      };
      const subData = proto.bufferSubData;
      // (target, offset, source): the whole source is the upload; (…, srcOffset, length): `length` elements of it.
      proto.bufferSubData = function (this: WebGL2RenderingContext, ...args: unknown[]) {
        const source = args[2];
        if (ArrayBuffer.isView(source)) {
          const length = args[4] as number | undefined;
          const perElement = (source as Partial<Uint8Array>).BYTES_PER_ELEMENT ?? 1;
          uploads.push({ buffer: bound.get(args[0] as number) ?? null, bytes: length === undefined ? source.byteLength : length * perElement });
        }
        return (subData as (...a: unknown[]) => void).apply(this, args);
      } as typeof subData;
    });
    const consolePage = new ConsolePage(page);
    await consolePage.open();
    await consolePage.login('operateur');
    await consolePage.waitForMapDrawn();
    const kindCounts = await page.evaluate(() => window.__beffroiDebug?.kindCounts ?? {});
    const counts = Object.values(kindCounts).filter((n) => n > 0);

    await page.evaluate(() => (window.__uploads!.length = 0));
    const rowsBefore = await consolePage.debug('colourRowsChanged');
    // Live traffic from the demo simulator: wait until status changes reached the map's buffers.
    await expect
      .poll(async () => (await consolePage.debug('colourRowsChanged')) - rowsBefore, { timeout: 240_000, message: 'no status change reached the map' })
      .toBeGreaterThan(0);
    // Read together: the map writes to the GPU in the same frame as it counts the changed rows.
    const { uploads, rows } = await page.evaluate(() => ({
      uploads: window.__uploads!.filter((u) => u.buffer !== null && window.__vertexBuffers!.has(u.buffer)).map((u) => u.bytes),
      rows: window.__beffroiDebug!.colourRowsChanged,
    }));
    const changed = rows - rowsBefore;
    const seen = `${changed} changements, écritures : ${uploads.join(', ')}`;

    expect(uploads.length, seen).toBeGreaterThan(0);
    const positionSizes = new Set(counts.filter((n) => n > 1).map((n) => n * 16));
    expect(uploads.filter((bytes) => positionSizes.has(bytes)), seen).toEqual([]);
    // No whole colour buffer: neither a kind's (beyond a handful of assets) nor a lamp chunk's.
    const wholeColours = new Set([...counts.filter((n) => n > BYTES_PER_CHANGE_AT_MOST).map((n) => n * 4), LAMPS_PER_CHUNK * 4]);
    expect(uploads.filter((bytes) => wholeColours.has(bytes)), seen).toEqual([]);
    // What was written follows what changed: k assets, about k × 4 bytes of colour (and slots).
    const total = uploads.reduce((sum, bytes) => sum + bytes, 0);
    expect(total, seen).toBeLessThanOrEqual(changed * BYTES_PER_CHANGE_AT_MOST);
  });
});
