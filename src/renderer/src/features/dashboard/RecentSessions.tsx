import { Anchor, Group, Paper, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useRecentSessions } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PriorityBadge } from '../../components/PriorityBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { formatRoute } from '../../router/route';
import { visitorLabel, visitorSubtitle } from '../sessions/labels';
import classes from './Dashboard.module.css';

export function RecentSessions() {
  const recent = useRecentSessions(8);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="recent-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="recent-title">
          Recent sessions
        </Title>
        <Anchor href="#/sessions" size="sm">
          All sessions
        </Anchor>
      </Group>
      {recent.error && <ErrorAlert error={recent.error} onRetry={() => void recent.refetch()} />}
      {recent.isPending && (
        <Stack gap="xs">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} h={44} />
          ))}
        </Stack>
      )}
      {recent.data && recent.data.items.length === 0 && (
        <Text c="dimmed" size="sm">
          No sessions yet. They appear here as soon as a source syncs or demo data is loaded.
        </Text>
      )}
      {recent.data && recent.data.items.length > 0 && (
        <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {recent.data.items.map((session) => (
            <li key={session.id}>
              <UnstyledButton
                component="a"
                href={formatRoute({ page: 'sessions', sessionId: session.id })}
                className={classes.recentRow}
              >
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div style={{ minWidth: 0 }}>
                    <Text fw={500} truncate>
                      {visitorLabel(session)}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {visitorSubtitle(session)}
                    </Text>
                  </div>
                  <Group gap="sm" wrap="nowrap">
                    <PriorityBadge priority={session.priority} size="xs" />
                    <RelativeTime
                      iso={session.lastInteractionAt}
                      size="xs"
                      c="dimmed"
                      miw={84}
                      ta="right"
                    />
                  </Group>
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
