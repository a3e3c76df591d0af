import type { BinaryAttribute } from '@deck.gl/core';
import { Buffer, type Device } from '@luma.gl/core';

/** Rows closer than this are written in one go: a call costs more than copying a few bytes more. */
const MERGE_GAP_ROWS = 4;

/** What GpuColumn needs of luma.gl's WebGL device and buffer (their classes are not exported types here). */
interface WebGlWriting {
  gl: WebGL2RenderingContext;
}

/**
 * One column of instance data (colours, or positions of a small layer) that the map owns on the
 * GPU: a typed array on the CPU side and, once the device exists, a luma.gl Buffer mirroring it.
 * Handed to deck.gl as an *external buffer* attribute, deck.gl never uploads it itself: a change
 * marks its rows, and `flush` writes only those rows (runs of nearby rows coalesced) with
 * `buffer.write(subarray, byteOffset)`. 1,000 status changes cost about 1,000 × 4 bytes of upload
 * instead of every asset's colour. Before the device exists (and in Node tests) the column is
 * handed over as a plain binary attribute.
 */
export class GpuColumn<T extends Uint8Array | Float32Array> {
  private buffer: Buffer | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private dirtyRows: number[] = [];
  /** Bumped whenever rows were written: the layer's update trigger, so deck.gl redraws. */
  version = 0;

  constructor(
    readonly values: T,
    /** Values per row. */
    readonly size: number,
    private readonly format: { type: 'unorm8' | 'float32'; normalized?: boolean },
  ) {}

  /** Creates the GPU buffer with the whole column: the one full upload of its life. */
  attach(device: Device): void {
    if (this.buffer) return;
    this.buffer = device.createBuffer({ usage: Buffer.VERTEX | Buffer.COPY_DST, data: this.values });
    this.gl = device.type === 'webgl' ? (device as unknown as WebGlWriting).gl : null;
    this.dirtyRows.length = 0;
  }

  markDirty(row: number): void {
    this.dirtyRows.push(row);
    this.version += 1;
  }

  /**
   * Writes the rows changed since the last flush; returns the bytes written (for tests). On WebGL
   * the buffer is bound once for all its runs: luma.gl's `write` binds and unbinds through its
   * state tracker for every call, which costs more than the copy itself when a frame brings a
   * thousand scattered rows.
   */
  flush(): number {
    const rows = this.dirtyRows;
    if (!this.buffer || rows.length === 0) {
      rows.length = 0;
      return 0;
    }
    rows.sort((a, b) => a - b);
    const bytesPerRow = this.size * this.values.BYTES_PER_ELEMENT;
    const gl = this.gl;
    const handle = gl ? (this.buffer as unknown as { handle: WebGLBuffer }).handle : null;
    if (gl) gl.bindBuffer(gl.COPY_WRITE_BUFFER, handle);
    let written = 0;
    let from = rows[0]!;
    let to = from + 1;
    const write = () => {
      if (gl) gl.bufferSubData(gl.COPY_WRITE_BUFFER, from * bytesPerRow, this.values, from * this.size, (to - from) * this.size);
      else this.buffer!.write(this.values.subarray(from * this.size, to * this.size), from * bytesPerRow);
      written += (to - from) * bytesPerRow;
    };
    for (let i = 1; i < rows.length; i++) {
      const row = rows[i]!;
      if (row < to + MERGE_GAP_ROWS) to = Math.max(to, row + 1);
      else {
        write();
        from = row;
        to = row + 1;
      }
    }
    write();
    if (gl) gl.bindBuffer(gl.COPY_WRITE_BUFFER, null);
    rows.length = 0;
    return written;
  }

  /**
   * The attribute for deck.gl's `data.attributes`: keyed by the layer's attribute name (an
   * external buffer, never re-uploaded by deck.gl) once on the GPU, by its accessor name (a binary
   * value deck.gl uploads whole) before. `rows` limits the binary value to the rows in use (the
   * layer's length limits what the GPU reads of the buffer).
   */
  attribute(attributeName: string, accessorName: string, rows?: number): Record<string, BinaryAttribute> {
    if (this.buffer) return { [attributeName]: { buffer: this.buffer, type: this.format.type, size: this.size } };
    return { [accessorName]: { value: rows === undefined ? this.values : this.values.subarray(0, rows * this.size), size: this.size, normalized: this.format.normalized } as BinaryAttribute };
  }

  get onGpu(): boolean {
    return this.buffer !== null;
  }

  destroy(): void {
    this.buffer?.destroy();
    this.buffer = null;
  }
}
