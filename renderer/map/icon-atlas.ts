/**
 * The map's asset icons, drawn once into a canvas atlas at start-up (no image files, nothing to
 * fetch). Each icon is a solid badge whose silhouette tells the kind (square cabinet, round bin,
 * house-shaped building, diamond camera, arched gate, triangular gateway mast) with a glyph cut out of it. deck.gl uses the
 * atlas as a mask, so the badge takes the status colour and the glyph shows the dark map through.
 */
export const ICON_NAMES = ['cabinet', 'bin', 'building', 'school', 'camera', 'gate', 'gateway'] as const;
export type IconName = (typeof ICON_NAMES)[number];

const CELL_PX = 64;

export interface IconAtlas {
  canvas: HTMLCanvasElement;
  mapping: Record<IconName, { x: number; y: number; width: number; height: number; anchorY: number; mask: true }>;
}

type Draw = (ctx: CanvasRenderingContext2D) => void;

function roundedRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** Cuts the glyph out of the badge: what is drawn next becomes transparent. */
function cut(ctx: CanvasRenderingContext2D, draw: () => void): void {
  ctx.save();
  ctx.globalCompositeOperation = 'destination-out';
  draw();
  ctx.restore();
}

const drawCabinet: Draw = (ctx) => {
  roundedRect(ctx, 8, 6, 48, 52, 8);
  ctx.fill();
  cut(ctx, () => {
    // Lightning bolt: the cabinet feeds the street lights.
    ctx.beginPath();
    ctx.moveTo(36, 12);
    ctx.lineTo(20, 35);
    ctx.lineTo(31, 35);
    ctx.lineTo(27, 52);
    ctx.lineTo(44, 27);
    ctx.lineTo(33, 27);
    ctx.closePath();
    ctx.fill();
  });
};

const drawBin: Draw = (ctx) => {
  ctx.beginPath();
  ctx.arc(32, 32, 27, 0, Math.PI * 2);
  ctx.fill();
  cut(ctx, () => {
    roundedRect(ctx, 19, 18, 26, 5, 2);
    ctx.fill();
    ctx.fillRect(28, 14, 8, 5);
    ctx.beginPath();
    ctx.moveTo(21, 26);
    ctx.lineTo(43, 26);
    ctx.lineTo(40, 49);
    ctx.lineTo(24, 49);
    ctx.closePath();
    ctx.fill();
  });
  // Ribs of the container, back in badge colour.
  ctx.fillRect(27.5, 30, 3, 15);
  ctx.fillRect(33.5, 30, 3, 15);
};

function house(ctx: CanvasRenderingContext2D): void {
  ctx.beginPath();
  ctx.moveTo(32, 4);
  ctx.lineTo(60, 27);
  ctx.lineTo(54, 27);
  ctx.lineTo(54, 60);
  ctx.lineTo(10, 60);
  ctx.lineTo(10, 27);
  ctx.lineTo(4, 27);
  ctx.closePath();
  ctx.fill();
}

const drawBuilding: Draw = (ctx) => {
  house(ctx);
  cut(ctx, () => {
    ctx.fillRect(18, 32, 9, 9);
    ctx.fillRect(37, 32, 9, 9);
    roundedRect(ctx, 27, 45, 10, 15, 2);
    ctx.fill();
  });
};

const drawSchool: Draw = (ctx) => {
  house(ctx);
  cut(ctx, () => {
    // An open book: the school.
    ctx.beginPath();
    ctx.moveTo(16, 33);
    ctx.quadraticCurveTo(24, 30, 31, 34);
    ctx.lineTo(31, 53);
    ctx.quadraticCurveTo(24, 49, 16, 52);
    ctx.closePath();
    ctx.moveTo(48, 33);
    ctx.quadraticCurveTo(40, 30, 33, 34);
    ctx.lineTo(33, 53);
    ctx.quadraticCurveTo(40, 49, 48, 52);
    ctx.closePath();
    ctx.fill();
  });
};

const drawCamera: Draw = (ctx) => {
  ctx.beginPath();
  ctx.moveTo(32, 2);
  ctx.lineTo(62, 32);
  ctx.lineTo(32, 62);
  ctx.lineTo(2, 32);
  ctx.closePath();
  ctx.fill();
  cut(ctx, () => {
    roundedRect(ctx, 17, 24, 24, 16, 3);
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(41, 28);
    ctx.lineTo(49, 23);
    ctx.lineTo(49, 41);
    ctx.lineTo(41, 36);
    ctx.closePath();
    ctx.fill();
  });
};

const drawGate: Draw = (ctx) => {
  ctx.beginPath();
  ctx.moveTo(6, 60);
  ctx.lineTo(6, 26);
  ctx.arc(32, 26, 26, Math.PI, 0);
  ctx.lineTo(58, 60);
  ctx.closePath();
  ctx.fill();
  cut(ctx, () => {
    for (const x of [17, 26.5, 36, 45.5]) ctx.fillRect(x, 24, 3.5, 30);
    ctx.fillRect(14, 52, 36, 3);
  });
};

/** A LoRaWAN gateway: a mast-shaped triangle with radio waves cut out above its tip. */
const drawGateway: Draw = (ctx) => {
  ctx.beginPath();
  ctx.moveTo(32, 3);
  ctx.lineTo(61, 60);
  ctx.lineTo(3, 60);
  ctx.closePath();
  ctx.fill();
  cut(ctx, () => {
    ctx.lineWidth = 3.5;
    for (const r of [7, 13]) {
      ctx.beginPath();
      ctx.arc(32, 40, r, Math.PI * 1.2, Math.PI * 1.8);
      ctx.stroke();
    }
    ctx.beginPath();
    ctx.arc(32, 40, 3, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillRect(30.5, 42, 3, 14);
  });
};

const DRAWINGS: Record<IconName, Draw> = {
  cabinet: drawCabinet,
  bin: drawBin,
  building: drawBuilding,
  school: drawSchool,
  camera: drawCamera,
  gate: drawGate,
  gateway: drawGateway,
};

/** Draws every icon side by side (white on transparent) and returns deck.gl's mapping. */
export function createIconAtlas(doc: Document = document): IconAtlas {
  const canvas = doc.createElement('canvas');
  canvas.width = CELL_PX * ICON_NAMES.length;
  canvas.height = CELL_PX;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('canvas 2D indisponible');
  ctx.fillStyle = '#ffffff';
  const mapping = {} as IconAtlas['mapping'];
  ICON_NAMES.forEach((name, i) => {
    ctx.save();
    ctx.translate(i * CELL_PX, 0);
    DRAWINGS[name](ctx);
    ctx.restore();
    mapping[name] = { x: i * CELL_PX, y: 0, width: CELL_PX, height: CELL_PX, anchorY: CELL_PX / 2, mask: true };
  });
  return { canvas, mapping };
}

/** Paints one icon into a small canvas (legend, panel): plain 2D canvas, no WebGL, no data URL. */
export function paintIcon(canvas: HTMLCanvasElement, name: IconName, colour: string): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.save();
  ctx.scale(canvas.width / CELL_PX, canvas.height / CELL_PX);
  ctx.fillStyle = colour;
  DRAWINGS[name](ctx);
  ctx.restore();
}
