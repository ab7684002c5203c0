/**
 * Draws Leadwatch's icons and writes them as PNG with nothing but node:zlib, so the
 * resources can be regenerated anywhere: `npx tsx scripts/make-icons.ts`.
 *
 *   resources/icon.png     512×512  app icon (electron-builder derives .ico/.icns from it)
 *   resources/tray.png      16×16   tray icon; Electron picks tray@2x.png on HiDPI
 *   resources/tray@2x.png   32×32
 *
 * The mark: a white ring and centre dot ("watch") on Mantine blue, with an orange dot
 * for the hot lead, on a rounded square (app icon) or a disc (tray).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x19, 0x71, 0xc2];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const ORANGE: Rgb = [0xfd, 0x7e, 0x14];

/** A shape as a coverage test on unit coordinates (0..1 across the icon). */
type Shape = (x: number, y: number) => boolean;

const disc =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const ring =
  (cx: number, cy: number, r: number, width: number): Shape =>
  (x, y) => {
    const d = Math.hypot(x - cx, y - cy);
    return d <= r + width / 2 && d >= r - width / 2;
  };

function roundedSquare(inset: number, radius: number): Shape {
  const lo = inset;
  const hi = 1 - inset;
  return (x, y) => {
    const cx = Math.min(Math.max(x, lo + radius), hi - radius);
    const cy = Math.min(Math.max(y, lo + radius), hi - radius);
    return x >= lo && x <= hi && y >= lo && y <= hi && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

interface Layer {
  shape: Shape;
  color: Rgb;
}

/** Renders layers bottom-up with 4×4 supersampling per pixel for smooth edges. */
function render(size: number, layers: readonly Layer[]): Buffer {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let top: Rgb | null = null;
          for (const layer of layers) if (layer.shape(x, y)) top = layer.color;
          if (top) {
            r += top[0];
            g += top[1];
            b += top[2];
            a += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        rgba[offset] = Math.round(r / a);
        rgba[offset + 1] = Math.round(g / a);
        rgba[offset + 2] = Math.round(b / a);
        rgba[offset + 3] = Math.round((255 * a) / (samples * samples));
      }
    }
  }
  return rgba;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** PNG: 8-bit RGBA, no interlace, filter 0 on every scanline. */
export function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const mark: Layer[] = [
  { shape: ring(0.5, 0.5, 0.25, 0.075), color: WHITE },
  { shape: disc(0.5, 0.5, 0.09), color: WHITE },
  { shape: disc(0.5 + 0.25 * Math.SQRT1_2, 0.5 - 0.25 * Math.SQRT1_2, 0.085), color: ORANGE },
];
const appIcon: Layer[] = [{ shape: roundedSquare(0.06, 0.2), color: BLUE }, ...mark];
// The tray mark is drawn bigger (a disc edge to edge): at 16 px every pixel counts.
const trayMark: Layer[] = [
  { shape: disc(0.5, 0.5, 0.5), color: BLUE },
  { shape: ring(0.5, 0.5, 0.28, 0.12), color: WHITE },
  { shape: disc(0.5, 0.5, 0.11), color: WHITE },
];

const outDir = join(import.meta.dirname, '..', 'resources');
mkdirSync(outDir, { recursive: true });
const outputs: [string, number, Layer[]][] = [
  ['icon.png', 512, appIcon],
  ['tray.png', 16, trayMark],
  ['tray@2x.png', 32, trayMark],
];
for (const [name, size, layers] of outputs) {
  writeFileSync(join(outDir, name), encodePng(size, render(size, layers)));
  console.log(`wrote resources/${name} (${size}×${size})`);
}
