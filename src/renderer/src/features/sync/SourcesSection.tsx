import { Group, Skeleton, Stack, Text } from '@mantine/core';
import type { SourceStatus } from '../../../../shared/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatAbsolute, formatRelative } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { SettingsSection } from '../settings/SettingsSection';
import { describeSource, syncSourceLabel, toneColor } from './source-status-text';
import { SyncNowButton } from './SyncNowButton';
import { useSyncRun } from './SyncProvider';
import { SyncResults } from './SyncResults';
import { useSyncStatus } from './use-sync-status';

/** Settings' view of the sources: each one's state in full, and the sync action. */
export function SourcesSection() {
  const status = useSyncStatus();
  const sync = useSyncRun();
  const now = useNow();
  return (
    <SettingsSection
      id="sources-title"
      title="Sources and sync"
      description="Where chat sessions come from, and how fresh the local mirror is. Checked every 30 seconds."
    >
      {status.error && (
        <ErrorAlert
          title="Could not read the source status"
          error={status.error}
          onRetry={() => void status.refetch()}
        />
      )}
      {status.isPending && <Skeleton h={60} />}
      {status.data && (
        <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {status.data.sources.map((source) => (
            <SourceRow key={source.source} status={source} now={now} />
          ))}
        </Stack>
      )}
      <Group gap="sm">
        <SyncNowButton size="sm" variant="filled" />
        {sync.last && !sync.running && (
          <Text size="xs" c="dimmed">
            Last sync here finished {formatRelative(new Date(sync.last.at).toISOString(), now)}.
          </Text>
        )}
      </Group>
      {sync.last && !sync.running && <SyncResults results={sync.last.results} />}
    </SettingsSection>
  );
}

function SourceRow({ status, now }: { status: SourceStatus; now: number }) {
  const name = syncSourceLabel[status.source];
  if (!status.configured) {
    return (
      <li data-source={status.source}>
        <Text size="sm" fw={600} component="span">
          {name}
        </Text>
        <Text size="sm" c="dimmed" component="span">
          {' — not configured. Add its URL under Connections below.'}
        </Text>
      </li>
    );
  }
  const line = describeSource(status, now);
  return (
    <li data-source={status.source} data-tone={line.tone}>
      <Text size="sm" fw={600} c={toneColor[line.tone]}>
        {line.text}
      </Text>
      {status.lastSyncedAt && (
        <Text size="xs" c="dimmed">
          Last synced {formatAbsolute(status.lastSyncedAt)}
        </Text>
      )}
      {line.detail && (
        <Text size="xs" c={toneColor.warning}>
          Last error: {line.detail}
        </Text>
      )}
    </li>
  );
}
