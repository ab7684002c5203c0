import type { SyncSummary } from '../../../../shared/contract';
import { formatNumber } from '../../lib/format';
import { syncSourceLabel } from './source-status-text';

/** One line per source, for a notification: "Redis: 12 new, 30 updated, 1 failed." */
export function summarizeResults(results: SyncSummary[]): string {
  if (results.length === 0) return 'Nothing to sync: no source is configured.';
  return results
    .map((r) => {
      const name = syncSourceLabel[r.source];
      if (r.error && r.scanned === 0) return `${name} could not be synced.`;
      const parts = [
        `${formatNumber(r.inserted)} new`,
        `${formatNumber(r.updated)} updated`,
        r.vanished ? `${formatNumber(r.vanished)} removed upstream` : '',
        r.failed.length ? `${formatNumber(r.failed.length)} failed` : '',
      ].filter(Boolean);
      return `${name}: ${parts.join(', ')}.`;
    })
    .join(' ');
}
