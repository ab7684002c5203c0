import { Alert, Anchor, Text } from '@mantine/core';
import { IconDatabase, IconInfoCircle } from '@tabler/icons-react';
import { formatRelative } from '../../../lib/format';
import { useSyncStatus } from '../../sync/use-sync-status';

/**
 * Where the numbers came from. The local mirror is a normal, offline answer, not an error:
 * it says so, and how to get live numbers.
 */
export function SourceNotice({ source }: { source: 'postgres' | 'local' }) {
  const status = useSyncStatus();
  const pg = status.data?.sources.find((s) => s.source === 'postgres');
  if (source === 'postgres') {
    return (
      <Text size="sm" c="dimmed" data-testid="report-source" data-source="postgres">
        <IconDatabase size={14} aria-hidden style={{ verticalAlign: -2 }} /> Computed live from the
        team PostgreSQL.
      </Text>
    );
  }
  const settingsLink = (
    // Underlined and bold: an Alert's text colour leaves a coloured link too little contrast.
    <Anchor href="#/settings" inherit c="inherit" fw={600} underline="always">
      Settings → Connections
    </Anchor>
  );
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconInfoCircle aria-hidden />}
      data-testid="report-source"
      data-source="local"
      title="Computed from the local mirror"
    >
      {pg?.configured ? (
        <>
          PostgreSQL could not be reached, so the report used the local mirror
          {pg.lastSyncedAt ? ` (last synced ${formatRelative(pg.lastSyncedAt)})` : ''}. Check the
          connection in {settingsLink}.
        </>
      ) : (
        <>
          No PostgreSQL configured: the report used the local mirror (the last sync or the demo
          data). Add the team database in {settingsLink} for live numbers.
        </>
      )}
    </Alert>
  );
}
