import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconDatabase } from '@tabler/icons-react';
import { useNow } from '../../lib/use-now';
import { describeSources, toneColor, type SourceLine } from './source-status-text';
import classes from './Sync.module.css';
import { SyncProgressList } from './SyncProgressList';
import { useSyncRun } from './SyncProvider';
import { useSyncStatus } from './use-sync-status';

/**
 * The sidebar's answer to "how fresh is what I see": each configured source's state, a
 * warning when one is down (the app then shows its local mirror), or "Local store only".
 * During a sync it shows the progress instead, and opens the sync dialog.
 */
export function SyncStatusIndicator() {
  const status = useSyncStatus();
  const sync = useSyncRun();
  const now = useNow();

  if (sync.running) {
    return (
      <UnstyledButton
        className={classes.indicator}
        onClick={sync.openDialog}
        aria-haspopup="dialog"
        data-testid="sync-status"
        data-tone="running"
      >
        <Stack gap={4}>
          <Text size="xs" fw={600}>
            Syncing…
          </Text>
          <SyncProgressList progress={sync.progress} compact />
        </Stack>
      </UnstyledButton>
    );
  }
  if (status.error) {
    return (
      <Text
        size="xs"
        px="xs"
        c={toneColor.warning}
        title={status.error.message}
        data-testid="sync-status"
        data-tone="warning"
      >
        Source status unknown — showing the local mirror
      </Text>
    );
  }
  if (!status.data) return null;

  const { localOnly, lines } = describeSources(status.data.sources, now);
  const tone = lines.some((l) => l.tone === 'warning') ? 'warning' : localOnly ? 'idle' : 'ok';
  return (
    <a
      href="#/settings"
      className={classes.indicator}
      title="Sources and sync, in Settings"
      data-testid="sync-status"
      data-tone={tone}
    >
      {localOnly ? (
        <Group gap={6} wrap="nowrap">
          <IconDatabase size={14} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="xs" fw={500}>
            Local store only
          </Text>
        </Group>
      ) : (
        <Stack gap={4}>
          {lines.map((line) => (
            <StatusLine key={line.source} line={line} />
          ))}
        </Stack>
      )}
    </a>
  );
}

function StatusLine({ line }: { line: SourceLine }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline" data-source={line.source} data-tone={line.tone}>
      <span className={classes.dot} style={{ color: toneColor[line.tone] }} aria-hidden />
      <Text size="xs" fw={500} c={toneColor[line.tone]}>
        {line.text}
      </Text>
    </Group>
  );
}
