import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPlugConnectedX } from '@tabler/icons-react';
import { useId } from 'react';
import type { SyncSummary } from '../../../../shared/contract';
import { formatNumber, plural } from '../../lib/format';
import { markerColor } from '../../lib/priorities';
import { formatDuration } from './format-duration';
import { syncSourceLabel } from './source-status-text';
import classes from './Sync.module.css';

const COUNTS: { key: 'inserted' | 'updated' | 'unchanged' | 'vanished'; label: string }[] = [
  { key: 'inserted', label: 'Inserted' },
  { key: 'updated', label: 'Updated' },
  { key: 'unchanged', label: 'Unchanged' },
  { key: 'vanished', label: 'Vanished' },
];

/** What a sync did, per source, with every session that failed and why. */
export function SyncResults({ results }: { results: SyncSummary[] }) {
  if (results.length === 0) {
    return (
      <Text size="sm" data-testid="sync-results">
        Nothing to sync: no Redis or PostgreSQL is configured, so Leadwatch works from its local
        store. Add a connection in{' '}
        <Anchor href="#/settings" inherit>
          Settings
        </Anchor>
        .
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="sync-results">
      {results.map((summary) => (
        <SourceResult key={summary.source} summary={summary} />
      ))}
    </Stack>
  );
}

function SourceResult({ summary }: { summary: SyncSummary }) {
  const name = syncSourceLabel[summary.source];
  const failed = summary.failed.length;
  const titleId = useId();
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="section"
      aria-labelledby={titleId}
      data-testid="sync-result"
      data-source={summary.source}
      data-failed={summary.error ? '' : undefined}
    >
      <Group justify="space-between" mb="xs" gap="xs">
        <Text fw={650} id={titleId}>
          {name}
        </Text>
        <Text size="xs" c="dimmed">
          {plural(summary.scanned, 'session')} checked in {formatDuration(summary.durationMs)}
        </Text>
      </Group>
      {summary.error && (
        // Plain text in the warning colour: Mantine's light orange alert is below AA contrast.
        <Group
          gap="xs"
          wrap="nowrap"
          align="flex-start"
          mb="xs"
          className={classes.sourceError}
          data-testid="sync-source-error"
        >
          <IconPlugConnectedX
            size={18}
            aria-hidden
            style={{ flexShrink: 0, marginTop: 2, color: markerColor.warning }}
          />
          <div>
            <Text size="sm" fw={650} c={markerColor.warning}>
              {name} could not be synced
            </Text>
            <Text size="sm" fw={500}>
              {summary.error}
            </Text>
            <Text size="sm" mt={4}>
              The local mirror was kept as it was, so the app goes on showing what it last had.
              Check the {name} connection in{' '}
              <Anchor href="#/settings" inherit>
                Settings
              </Anchor>{' '}
              (or run “leadwatch doctor”), then sync again.
            </Text>
          </div>
        </Group>
      )}
      {/* A source that was not reached at all has nothing to count. */}
      {!(summary.error && summary.scanned === 0) && (
        <dl className={classes.counts}>
          {COUNTS.map(({ key, label }) => (
            <div key={key} className={classes.count} data-count={key}>
              <Text component="dt" size="xs" c="dimmed">
                {label}
              </Text>
              <Text component="dd" fw={700}>
                {formatNumber(summary[key])}
              </Text>
            </div>
          ))}
          <div className={classes.count} data-count="failed" data-alert={failed ? '' : undefined}>
            <Text component="dt" size="xs" c="dimmed">
              Failed
            </Text>
            <Text component="dd" fw={700}>
              {formatNumber(failed)}
            </Text>
          </div>
        </dl>
      )}
      {summary.vanished > 0 && (
        <Text size="xs" c="dimmed" mt={6}>
          Vanished sessions were removed upstream; they stay in the local mirror, marked so.
        </Text>
      )}
      {failed > 0 && (
        <Stack gap={4} mt="sm">
          <Text size="sm" fw={600}>
            {plural(failed, 'session')} could not be synced; the next sync tries{' '}
            {failed === 1 ? 'it' : 'them'} again:
          </Text>
          <ul
            className={classes.failures}
            aria-label={`${name} sync failures`}
            // Scrolls when long: reachable by keyboard (axe: scrollable-region-focusable).
            tabIndex={0}
            data-testid="sync-failures"
          >
            {summary.failed.map((failure) => (
              <li key={failure.id}>
                <Text size="xs" ff="monospace" fw={600} component="span">
                  {failure.id}
                </Text>
                <Text size="xs" component="span">
                  {' — '}
                  {failure.error}
                </Text>
              </li>
            ))}
          </ul>
        </Stack>
      )}
    </Paper>
  );
}
