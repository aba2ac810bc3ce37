// Draws the app icons in public/icons/: `npx tsx scripts/icons/draw-icons.ts`.
// The PNGs are rasterised here (4×4 supersampling, written with node:zlib) so the icons need no
// image tool and no download; the SVG is written from the same shapes so they cannot drift apart.
import { mkdirSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const PAPER = '#0b4f96';
const DISC = '#083a70';
const RISK = '#ff7a45';
const CENTRE = 0.5;
const RINGS = [0.34, 0.23, 0.12];
const RING_WIDTH = 0.018;
const AXIS_WIDTH = 0.012;
const SWEEP = { from: -90, to: -30 };
const BLIPS = [
  { angle: -45, distance: 0.2, radius: 0.036, colour: RISK },
  { angle: 130, distance: 0.16, radius: 0.022, colour: '#ffffff' },
  { angle: 60, distance: 0.25, radius: 0.02, colour: '#ffffff' },
];
// Everything but the background stays inside radius 0.36: within the 0.4 safe zone of a maskable icon.
const CORNER = 0.2;

const hex = (colour: string, alpha = 1): Rgba => [
  parseInt(colour.slice(1, 3), 16),
  parseInt(colour.slice(3, 5), 16),
  parseInt(colour.slice(5, 7), 16),
  alpha,
];
const rad = (degrees: number) => (degrees * Math.PI) / 180;
const blipCentre = (b: (typeof BLIPS)[number]) => ({
  x: CENTRE + b.distance * Math.cos(rad(b.angle)),
  y: CENTRE + b.distance * Math.sin(rad(b.angle)),
});

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(CORNER - x, x - (1 - CORNER), 0);
  const dy = Math.max(CORNER - y, y - (1 - CORNER), 0);
  return dx * dx + dy * dy <= CORNER * CORNER;
}

/** The colour layers covering point (x, y) of the unit square, bottom first. */
function layersAt(x: number, y: number, maskable: boolean): Rgba[] {
  const layers: Rgba[] = [];
  if (maskable || insideRoundedSquare(x, y)) layers.push(hex(PAPER));
  const r = Math.hypot(x - CENTRE, y - CENTRE);
  const outer = RINGS[0]!;
  if (r <= outer) {
    layers.push(hex(DISC));
    const angle = (Math.atan2(y - CENTRE, x - CENTRE) * 180) / Math.PI;
    if (angle >= SWEEP.from && angle <= SWEEP.to) layers.push(hex('#6cb2ff', 0.35));
    const alongEdge = Math.abs((x - CENTRE) * Math.sin(rad(SWEEP.to)) - (y - CENTRE) * Math.cos(rad(SWEEP.to)));
    const ahead = (x - CENTRE) * Math.cos(rad(SWEEP.to)) + (y - CENTRE) * Math.sin(rad(SWEEP.to));
    if (ahead >= 0 && alongEdge <= AXIS_WIDTH) layers.push(hex('#cfe6ff', 0.9));
    if (Math.abs(x - CENTRE) <= AXIS_WIDTH / 2 || Math.abs(y - CENTRE) <= AXIS_WIDTH / 2)
      layers.push(hex('#ffffff', 0.3));
  }
  if (RINGS.some((ring) => Math.abs(r - ring) <= RING_WIDTH / 2)) layers.push(hex('#ffffff', 0.6));
  for (const blip of BLIPS) {
    const c = blipCentre(blip);
    if (Math.hypot(x - c.x, y - c.y) <= blip.radius) layers.push(hex(blip.colour));
  }
  return layers;
}

function over(layers: Rgba[]): Rgba {
  let [r, g, b, a] = [0, 0, 0, 0];
  for (const [lr, lg, lb, la] of layers) {
    r = lr * la + r * (1 - la);
    g = lg * la + g * (1 - la);
    b = lb * la + b * (1 - la);
    a = la + a * (1 - la);
  }
  return [r, g, b, a]; // premultiplied
}

function rasterise(size: number, maskable: boolean): Uint8Array {
  const n = 4;
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [pr, pg, pb, pa] = over(layersAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, maskable));
          r += pr;
          g += pg;
          b += pb;
          a += pa;
        }
      }
      const o = (py * size + px) * 4;
      const alpha = a / (n * n);
      pixels[o] = alpha > 0 ? Math.round(r / (n * n) / alpha) : 0;
      pixels[o + 1] = alpha > 0 ? Math.round(g / (n * n) / alpha) : 0;
      pixels[o + 2] = alpha > 0 ? Math.round(b / (n * n) / alpha) : 0;
      pixels[o + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG (colour type 6, no interlace, filter 0 on every row). */
function encodePng(size: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

function svg(): string {
  const s = 512;
  const at = (v: number) => +(v * s).toFixed(2);
  const point = (angle: number, r: number) =>
    `${at(CENTRE + r * Math.cos(rad(angle)))} ${at(CENTRE + r * Math.sin(rad(angle)))}`;
  const outer = RINGS[0]!;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" role="img" aria-label="Churn Radar">`,
    `<rect width="${s}" height="${s}" rx="${at(CORNER)}" fill="${PAPER}"/>`,
    `<circle cx="${at(CENTRE)}" cy="${at(CENTRE)}" r="${at(outer)}" fill="${DISC}"/>`,
    `<path d="M${at(CENTRE)} ${at(CENTRE)}L${point(SWEEP.from, outer)}A${at(outer)} ${at(outer)} 0 0 1 ${point(SWEEP.to, outer)}Z" fill="#6cb2ff" fill-opacity="0.35"/>`,
    `<path d="M${at(CENTRE)} ${at(CENTRE - outer)}V${at(CENTRE + outer)}M${at(CENTRE - outer)} ${at(CENTRE)}H${at(CENTRE + outer)}" stroke="#ffffff" stroke-opacity="0.3" stroke-width="${at(AXIS_WIDTH)}"/>`,
    `<path d="M${at(CENTRE)} ${at(CENTRE)}L${point(SWEEP.to, outer)}" stroke="#cfe6ff" stroke-opacity="0.9" stroke-width="${at(AXIS_WIDTH * 2)}"/>`,
    ...RINGS.map(
      (r) =>
        `<circle cx="${at(CENTRE)}" cy="${at(CENTRE)}" r="${at(r)}" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="${at(RING_WIDTH)}"/>`,
    ),
    ...BLIPS.map(
      (b) => `<circle cx="${at(blipCentre(b).x)}" cy="${at(blipCentre(b).y)}" r="${at(b.radius)}" fill="${b.colour}"/>`,
    ),
    '</svg>',
  ];
  return `${lines.join('\n')}\n`;
}

const out = new URL('../../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  writeFileSync(new URL(name, out), encodePng(size, rasterise(size, maskable)));
}
writeFileSync(new URL('icon.svg', out), svg());
console.log(`Wrote the icons to ${out.pathname}`);
