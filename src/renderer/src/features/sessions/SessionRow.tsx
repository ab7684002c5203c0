import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconGhost2, IconMessage } from '@tabler/icons-react';
import type { SessionSummary } from '../../../../shared/contract';
import { PriorityBadge } from '../../components/PriorityBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { formatNumber } from '../../lib/format';
import { markerColor } from '../../lib/priorities';
import { visitorLabel, visitorSubtitle } from './labels';
import classes from './Sessions.module.css';
import { SnippetText } from './SnippetText';

/** One line of the sessions list: who, where from, when, how much was said, how hot the lead is. */
export function SessionRowContent({ session }: { session: SessionSummary }) {
  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm" truncate className={classes.rowTitle}>
          {visitorLabel(session)}
        </Text>
        <RelativeTime
          iso={session.lastInteractionAt}
          size="xs"
          c="dimmed"
          style={{ flexShrink: 0 }}
        />
      </Group>
      <Group justify="space-between" wrap="nowrap" gap="xs" mt={2}>
        <Text size="xs" c="dimmed" truncate>
          {visitorSubtitle(session)}
        </Text>
        <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
          {session.finalized && (
            <Tooltip label="Session report sent" withArrow>
              <Badge
                size="xs"
                variant="outline"
                color={markerColor.positive}
                leftSection={<IconCircleCheck size={11} aria-hidden />}
              >
                Final
              </Badge>
            </Tooltip>
          )}
          {session.vanished && (
            <Tooltip label="Removed upstream — kept in the local mirror" withArrow>
              <Badge
                size="xs"
                variant="outline"
                color={markerColor.neutral}
                leftSection={<IconGhost2 size={11} aria-hidden />}
              >
                Removed
              </Badge>
            </Tooltip>
          )}
          <Text
            size="xs"
            c="dimmed"
            className={classes.messageCount}
            aria-label={`${session.messageCount} messages`}
          >
            <IconMessage size={12} aria-hidden />
            {formatNumber(session.messageCount)}
          </Text>
          <PriorityBadge priority={session.priority} size="xs" />
        </Group>
      </Group>
      {session.snippet && (
        <Text size="xs" mt={4} className={classes.snippet} data-testid="session-snippet">
          <SnippetText text={session.snippet} marks={session.snippetMarks ?? []} />
        </Text>
      )}
    </>
  );
}
