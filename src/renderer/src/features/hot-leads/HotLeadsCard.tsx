import { Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../lib/format';
import classes from './HotLeads.module.css';
import { HotLeadList } from './HotLeadList';
import { useHotLeadsDrawer } from './HotLeadsProvider';
import { useHotLeadCount, useHotLeads } from './use-hot-leads';

const CARD_ROWS = 5;

/** The dashboard's hot leads: the top few, and the way to the full list. */
export function HotLeadsCard() {
  const hot = useHotLeads();
  const { count, isPending } = useHotLeadCount();
  const drawer = useHotLeadsDrawer();
  const items = hot.data?.items.slice(0, CARD_ROWS) ?? [];

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="hot-leads-title"
      data-testid="hot-leads-card"
    >
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <IconFlame size={20} className={classes.flame} aria-hidden />
          <Title order={2} fz="lg" id="hot-leads-title">
            Hot leads
          </Title>
          {!isPending && (
            <Badge variant="light" color="gray" size="lg" data-testid="hot-leads-card-count">
              {formatNumber(count)}
            </Badge>
          )}
        </Group>
        {count > 0 && (
          <Button variant="subtle" size="compact-sm" onClick={drawer.open} aria-haspopup="dialog">
            See all
          </Button>
        )}
      </Group>
      {hot.error && <ErrorAlert error={hot.error} onRetry={() => void hot.refetch()} />}
      {hot.isPending && (
        <Stack gap="xs">
          {Array.from({ length: 3 }, (_, i) => (
            <Skeleton key={i} h={44} />
          ))}
        </Stack>
      )}
      {hot.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          No hot leads right now. Sessions show up here when their lead reaches high or critical
          priority.
        </Text>
      )}
      {items.length > 0 && <HotLeadList items={items} />}
    </Paper>
  );
}
