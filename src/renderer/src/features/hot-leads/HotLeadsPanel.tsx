import { Anchor, Group, Skeleton, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../lib/format';
import { formatRoute } from '../../router/route';
import { HotLeadList } from './HotLeadList';
import { useHotLeadCount, useHotLeads } from './use-hot-leads';

/** The whole hot list, as the drawer shows it. */
export function HotLeadsPanel({ onOpen }: { onOpen: () => void }) {
  const hot = useHotLeads();
  const { count, critical, high } = useHotLeadCount();
  const shown = hot.data?.items.length ?? 0;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Leads at high or critical priority, critical first, then the most recent. Pick one to read
        its session.
      </Text>
      {hot.error && (
        <ErrorAlert
          title="Could not load hot leads"
          error={hot.error}
          onRetry={() => void hot.refetch()}
        />
      )}
      {hot.isPending && (
        <Stack gap="xs">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} h={44} />
          ))}
        </Stack>
      )}
      {hot.data && shown === 0 && (
        <Text size="sm">
          No hot leads right now. A session joins this list when its lead score reaches high or
          critical priority.
        </Text>
      )}
      {hot.data && shown > 0 && <HotLeadList items={hot.data.items} onOpen={onOpen} />}
      {shown > 0 && count > shown && (
        <Text size="xs" c="dimmed">
          Showing {formatNumber(shown)} of {formatNumber(count)} hot leads.
        </Text>
      )}
      {count > 0 && (
        <Group gap="md">
          <Anchor
            href={formatRoute({ page: 'sessions', priority: 'critical' })}
            size="sm"
            onClick={onOpen}
          >
            All critical sessions ({formatNumber(critical)})
          </Anchor>
          <Anchor
            href={formatRoute({ page: 'sessions', priority: 'high' })}
            size="sm"
            onClick={onOpen}
          >
            All high sessions ({formatNumber(high)})
          </Anchor>
        </Group>
      )}
    </Stack>
  );
}
