/**
 * The main window's size, position and maximized flag, kept in the data dir between runs.
 * The file is validated (it may be hand-edited, truncated, or from another version) and
 * the bounds are fitted to the displays present now, so a window last seen on an
 * unplugged monitor comes back where it can be seen. No Electron import: the display
 * work areas are passed in.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

export const MIN_WIDTH = 800;
export const MIN_HEIGHT = 560;
/** Enough of the window to grab and drag back: a title bar's worth. */
const MIN_VISIBLE = { width: 120, height: 40 };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(1).max(100_000);

export const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export function parseWindowState(raw: unknown): WindowState {
  const parsed = windowStateSchema.safeParse(raw);
  if (!parsed.success) return { ...DEFAULT_WINDOW_STATE };
  const state = parsed.data;
  // A position is only meaningful as a pair.
  if (state.x === undefined || state.y === undefined) {
    return { width: state.width, height: state.height, maximized: state.maximized };
  }
  return state;
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * Fits a saved state to the current displays' work areas (the first one is the primary).
 * Size is capped to the display the window lands on; a window that would not be usefully
 * visible on any display loses its position and is centred by the caller.
 */
export function fitToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (!primary) return state;
  const { x, y } = state;
  let area = primary;
  let placed = false;
  if (x !== undefined && y !== undefined) {
    const rect = { x, y, width: state.width, height: state.height };
    let best = 0;
    for (const candidate of workAreas) {
      const seen = overlap(rect, candidate);
      const enough =
        seen.width >= Math.min(MIN_VISIBLE.width, rect.width) &&
        seen.height >= Math.min(MIN_VISIBLE.height, rect.height);
      if (enough && seen.width * seen.height > best) {
        best = seen.width * seen.height;
        area = candidate;
        placed = true;
      }
    }
  }
  const width = clamp(state.width, Math.min(MIN_WIDTH, area.width), area.width);
  const height = clamp(state.height, Math.min(MIN_HEIGHT, area.height), area.height);
  if (!placed || x === undefined || y === undefined) {
    return { width, height, maximized: state.maximized };
  }
  return {
    // Pulled fully inside the display it is mostly on.
    x: clamp(x, area.x, area.x + area.width - width),
    y: clamp(y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

export function loadWindowState(file: string): WindowState {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { ...DEFAULT_WINDOW_STATE }; // missing or unreadable: a fresh start is fine
  }
}

/** Written to a temp file and renamed, so a crash mid-write never leaves half a file. */
export function saveWindowState(file: string, state: WindowState): void {
  const valid = windowStateSchema.parse(state);
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify(valid, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
