import type { AppInfo } from '../../shared/contract';
import type { Store } from '../store/open';
// A named import, so bundles carry the version and not the whole package.json.
import { version } from '../../../package.json';

const COUNTS = {
  sessions: 'chat_sessions',
  messages: 'chat_messages',
  leads: 'leads',
  callLogs: 'call_logs',
  shopUsers: 'shop_users',
  shopEvents: 'shop_events',
} as const;

export const appVersion: string = version;

export function storeCounts(store: Store): AppInfo['counts'] {
  const select = Object.entries(COUNTS)
    .map(([key, table]) => `(SELECT COUNT(*) FROM ${table}) AS ${key}`)
    .join(', ');
  return store.sqlite.prepare(`SELECT ${select}`).get() as AppInfo['counts'];
}

export function appInfo(store: Store, dataDir: string): AppInfo {
  const counts = storeCounts(store);
  return {
    name: 'Leadwatch',
    version: appVersion,
    dataDir,
    databasePath: store.path,
    schemaVersion: store.schemaVersion,
    platform: `${process.platform}-${process.arch}`,
    node: process.versions.node,
    counts,
    isEmpty: Object.values(counts).every((n) => n === 0),
  };
}
