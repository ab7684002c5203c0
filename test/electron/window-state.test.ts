import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  MIN_HEIGHT,
  MIN_WIDTH,
  parseWindowState,
  saveWindowState,
  type Rect,
} from '../../src/main/window-state';
import { makeTempDir } from '../helpers/temp-dir';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('parseWindowState', () => {
  it('accepts a saved state', () => {
    const state = { x: 10, y: 20, width: 1200, height: 800, maximized: true };
    expect(parseWindowState(state)).toEqual(state);
  });

  it('falls back to the default on anything invalid', () => {
    for (const raw of [
      null,
      'big',
      {},
      { width: '1200', height: 800 },
      { width: -5, height: 800 },
      { width: 1.5, height: 800 },
      { width: 1e9, height: 800 },
      { width: Number.NaN, height: 800 },
    ]) {
      expect(parseWindowState(raw)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });

  it('drops half a position', () => {
    expect(parseWindowState({ x: 5, width: 900, height: 700 })).toEqual({
      width: 900,
      height: 700,
      maximized: false,
    });
  });
});

describe('fitToDisplays', () => {
  it('keeps a window that is visible as it is', () => {
    const state = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, monitorRight])).toEqual(state);
  });

  it('forgets the position of a window on a display that is gone', () => {
    const onMonitor = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(fitToDisplays(onMonitor, [laptop])).toEqual({
      width: 1440,
      height: 875,
      maximized: false,
    });
  });

  it('pulls a window straddling an edge fully onto the display it is mostly on', () => {
    const straddling = { x: 1000, y: -30, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(straddling, [laptop, monitorRight])).toEqual({
      x: 1440,
      y: 0,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('does not keep a window of which only a sliver shows', () => {
    const sliver = { x: 1430, y: 100, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(sliver, [laptop])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('caps the size to the display and keeps the minimum where the display allows', () => {
    expect(fitToDisplays({ width: 5000, height: 4000, maximized: true }, [laptop])).toEqual({
      width: 1440,
      height: 875,
      maximized: true,
    });
    expect(fitToDisplays({ width: 200, height: 100, maximized: false }, [laptop])).toEqual({
      width: MIN_WIDTH,
      height: MIN_HEIGHT,
      maximized: false,
    });
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 480 };
    expect(fitToDisplays({ width: 1200, height: 800, maximized: false }, [tiny])).toEqual({
      width: 640,
      height: 480,
      maximized: false,
    });
  });

  it('handles displays with negative coordinates', () => {
    const left: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
    const state = { x: -1800, y: 40, width: 1200, height: 800, maximized: false };
    expect(fitToDisplays(state, [laptop, left])).toEqual(state);
  });

  it('leaves the state alone when no display is known', () => {
    const state = { x: 1, y: 2, width: 900, height: 600, maximized: false };
    expect(fitToDisplays(state, [])).toEqual(state);
  });
});

describe('window state file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('leadwatch-window-state-');
  });
  afterEach(() => temp.cleanup());

  it('round-trips through the data dir', () => {
    const file = join(temp.dir, 'nested', 'window-state.json');
    const state = { x: 40, y: 60, width: 1100, height: 760, maximized: false };
    saveWindowState(file, state);
    expect(loadWindowState(file)).toEqual(state);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(state);
  });

  it('starts fresh from a missing, truncated or hostile file', () => {
    const file = join(temp.dir, 'window-state.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(file, '{"width": 12');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(
      file,
      JSON.stringify({ width: 900, height: 600, __proto__: { maximized: true } }),
    );
    expect(loadWindowState(file)).toEqual({ width: 900, height: 600, maximized: false });
  });

  it('refuses to save an invalid state', () => {
    expect(() =>
      saveWindowState(join(temp.dir, 'w.json'), { width: -1, height: 5, maximized: false }),
    ).toThrow();
  });
});
