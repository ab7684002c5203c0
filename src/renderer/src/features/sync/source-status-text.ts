import type { SourceStatus } from '../../../../shared/contract';
import { formatRelative } from '../../lib/format';
import { markerColor } from '../../lib/priorities';

export type SyncSource = SourceStatus['source'];
export type SourceTone = 'ok' | 'warning' | 'idle';

export const syncSourceLabel: Record<SyncSource, string> = {
  redis: 'Redis',
  postgres: 'PostgreSQL',
};

export interface SourceLine {
  source: SyncSource;
  text: string;
  tone: SourceTone;
  /** The error behind a warning, for a tooltip or the Settings page. */
  detail: string | null;
}

/**
 * One line per configured source, in the words a manager needs: is it there, and how old
 * is what I am looking at. `reachable` is null until Leadwatch has tried the source.
 */
export function describeSource(status: SourceStatus, now = Date.now()): SourceLine {
  const name = syncSourceLabel[status.source];
  const synced = status.lastSyncedAt
    ? `synced ${formatRelative(status.lastSyncedAt, now)}`
    : 'not synced yet';
  const line = (text: string, tone: SourceTone): SourceLine => ({
    source: status.source,
    text,
    tone,
    detail: status.lastError,
  });
  if (status.reachable === false)
    return line(`${name} unreachable — showing the local mirror`, 'warning');
  if (status.reachable === true) return line(`${name}: connected, ${synced}`, 'ok');
  if (status.lastError)
    return line(`${name}: last sync failed — showing the local mirror`, 'warning');
  return line(`${name}: ${synced}`, 'idle');
}

/** Lines for the configured sources; none configured means the app runs on its own store. */
export function describeSources(
  sources: SourceStatus[],
  now = Date.now(),
): { localOnly: boolean; lines: SourceLine[] } {
  const configured = sources.filter((s) => s.configured);
  return {
    localOnly: configured.length === 0,
    lines: configured.map((s) => describeSource(s, now)),
  };
}

export const toneColor: Record<SourceTone, string> = {
  ok: markerColor.positive,
  warning: markerColor.warning,
  idle: 'var(--mantine-color-dimmed)',
};
