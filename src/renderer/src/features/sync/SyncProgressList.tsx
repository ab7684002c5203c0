import { Progress, Stack, Text } from '@mantine/core';
import { formatNumber } from '../../lib/format';
import { syncSourceLabel } from './source-status-text';
import type { SyncProgress } from './SyncProvider';

/** Core may name its steps after the source ("redis: sessions"); the label already does. */
function stepText(step: string): string {
  return step.replace(/^(redis|postgres(ql)?)\s*:\s*/i, '');
}

/** One bar per source that has reported; a waiting bar before the first report. */
export function SyncProgressList({
  progress,
  compact = false,
}: {
  progress: SyncProgress[];
  compact?: boolean;
}) {
  if (progress.length === 0) {
    return (
      <Stack gap={4} data-testid="sync-progress">
        <Text size={compact ? 'xs' : 'sm'} fw={500}>
          Connecting to sources…
        </Text>
        <Progress
          value={100}
          striped
          animated
          size={compact ? 'xs' : 'sm'}
          aria-label="Sync progress"
        />
      </Stack>
    );
  }
  return (
    <Stack gap={compact ? 6 : 'sm'} data-testid="sync-progress">
      {progress.map((p) => {
        const name = syncSourceLabel[p.source];
        const percent = p.total > 0 ? Math.min(100, (p.done / p.total) * 100) : 0;
        return (
          <Stack key={p.source} gap={4} data-source={p.source}>
            <Text size={compact ? 'xs' : 'sm'} fw={500} lineClamp={1}>
              {name}: {stepText(p.step)}
            </Text>
            <Progress
              value={percent}
              size={compact ? 'xs' : 'sm'}
              animated={p.total === 0}
              aria-label={`${name} sync progress`}
            />
            <Text size="xs" c="dimmed" data-testid="sync-progress-count">
              {p.total > 0
                ? `${formatNumber(p.done)} of ${formatNumber(p.total)}`
                : `${formatNumber(p.done)} so far`}
            </Text>
          </Stack>
        );
      })}
    </Stack>
  );
}
