import {
  ActionIcon,
  Badge,
  Group,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconMessageCircleSearch, IconX } from '@tabler/icons-react';
import { useSession, useSettings } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PriorityBadge } from '../../components/PriorityBadge';
import { markerColor, sourceLabel } from '../../lib/priorities';
import { EndSessionAction } from './EndSessionAction';
import { LeadCard } from './LeadCard';
import classes from './SessionDetail.module.css';
import { visitorLabel, visitorSubtitle } from './labels';
import { SessionMarkers, VanishedNote } from './SessionMarkers';
import { Transcript } from './Transcript';
import { VisitorCard } from './VisitorCard';

export function SessionDetailPane({ id, onClose }: { id: string; onClose: () => void }) {
  const session = useSession(id);
  const settings = useSettings();

  return (
    <Paper
      withBorder
      radius="md"
      h="100%"
      style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
      component="section"
      aria-label="Session details"
      data-testid="session-detail"
    >
      <Group justify="space-between" wrap="nowrap" p="md" pb="sm" align="flex-start">
        {session.data ? (
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={2} fz="xl" lineClamp={1}>
              {visitorLabel(session.data)}
            </Title>
            <Text size="sm" c="dimmed" truncate>
              {visitorSubtitle(session.data)}
            </Text>
            <Group gap={6}>
              <PriorityBadge priority={session.data.priority} />
              <Badge variant="outline" color={markerColor.neutral} size="sm">
                {sourceLabel[session.data.source]}
              </Badge>
              <SessionMarkers session={session.data} />
              <Text size="xs" c="dimmed" ff="monospace" title={session.data.id} truncate maw={260}>
                {session.data.sourceId}
              </Text>
            </Group>
          </Stack>
        ) : (
          <Stack gap={6} style={{ flex: 1 }}>
            <Skeleton h={26} w="50%" />
            <Skeleton h={14} w="35%" />
          </Stack>
        )}
        <Tooltip label="Close (Esc)" withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={onClose}
            aria-label="Close session"
          >
            <IconX size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      {session.data && (
        <Stack gap="xs" className={classes.actions}>
          {session.data.vanished && <VanishedNote />}
          <EndSessionAction
            session={session.data}
            recipients={settings.data?.effective.reportRecipients ?? null}
          />
        </Stack>
      )}
      {/* Focusable so the transcript scrolls from the keyboard too (axe: scrollable-region-focusable). */}
      <div className={classes.body} tabIndex={0} aria-label="Session content" role="region">
        {session.error && (
          <ErrorAlert
            title={
              session.error.type === 'not_found'
                ? 'Session not found'
                : 'Could not open this session'
            }
            error={session.error}
            onRetry={session.error.type === 'not_found' ? undefined : () => void session.refetch()}
          />
        )}
        {session.isPending && (
          <Stack gap="md">
            <Skeleton h={160} />
            <Skeleton h={300} />
          </Stack>
        )}
        {session.data && (
          <div className={classes.detailGrid}>
            <div className={classes.facts}>
              <VisitorCard session={session.data} />
              <LeadCard session={session.data} />
            </div>
            <div className={classes.conversation}>
              <Transcript
                messages={session.data.messages}
                botName={settings.data?.botName ?? 'Bot'}
              />
            </div>
          </div>
        )}
      </div>
    </Paper>
  );
}

/** Shown in the detail column before anything is picked. */
export function NoSessionSelected({
  hasSessions,
  search,
}: {
  hasSessions: boolean;
  /** The search or filter that found nothing, when the store does hold sessions. */
  search?: { query: string | undefined; sessionsInStore: number } | null;
}) {
  if (!hasSessions && search) {
    return (
      <Paper
        withBorder
        radius="md"
        h="100%"
        p="xl"
        style={{ display: 'grid', placeItems: 'center' }}
      >
        <Stack align="center" gap="xs" maw={380} ta="center" data-testid="no-session-matches">
          <IconMessageCircleSearch size={40} stroke={1.4} aria-hidden />
          <Text fw={600}>
            {search.query
              ? `No session matches “${search.query}”`
              : 'No session matches these filters'}
          </Text>
          <Text size="sm" c="dimmed">
            {`The local store holds ${search.sessionsInStore.toLocaleString('en-GB')} ${search.sessionsInStore === 1 ? 'session' : 'sessions'}; try other words, or clear the search beside the list to see them all.`}
          </Text>
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" h="100%" p="xl" style={{ display: 'grid', placeItems: 'center' }}>
      <Stack align="center" gap="xs" maw={360} ta="center">
        <IconMessageCircleSearch size={40} stroke={1.4} aria-hidden />
        <Text fw={600}>{hasSessions ? 'Pick a session to read it' : 'No session to show'}</Text>
        <Text size="sm" c="dimmed">
          {hasSessions
            ? 'Click a session, or use ↑ and ↓ in the list and press Enter. Its visitor, lead score and full transcript open here.'
            : 'Sessions appear when a source syncs or demo data is loaded.'}
        </Text>
      </Stack>
    </Paper>
  );
}
