import { Anchor, Group, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { usePriorityTotals } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../lib/format';
import { markerColor, priorityColor, priorityLabel } from '../../lib/priorities';
import { formatRoute } from '../../router/route';

/** How many sessions sit at each lead priority; each row opens the filtered list. */
export function PriorityBreakdown({ totalSessions }: { totalSessions: number }) {
  const { totals, isPending, error } = usePriorityTotals();
  const scored = totals.reduce((sum, t) => sum + t.total, 0);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="priority-title">
      <Title order={2} fz="lg" id="priority-title" mb="sm">
        Lead priority
      </Title>
      {error && <ErrorAlert error={error} />}
      <Stack gap="md">
        {totals.map(({ priority, total }) => (
          <div key={priority} data-priority-total={priority}>
            <Group justify="space-between" mb={4}>
              <Anchor href={formatRoute({ page: 'sessions', priority })} size="sm" fw={500}>
                {priorityLabel[priority]}
              </Anchor>
              {isPending ? (
                <Skeleton h={14} w={40} />
              ) : (
                <Text size="sm" fw={600}>
                  {formatNumber(total)}
                </Text>
              )}
            </Group>
            <Progress
              value={scored ? (total / scored) * 100 : 0}
              // Low's badge grey would vanish against the dark track: it gets the adaptive grey.
              color={priority === 'low' ? markerColor.neutral : priorityColor[priority]}
              size="sm"
              aria-label={`${priorityLabel[priority]} priority share`}
            />
          </div>
        ))}
        {!isPending && (
          <Text size="xs" c="dimmed">
            {formatNumber(scored)} of {formatNumber(totalSessions)} sessions have a lead score.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
