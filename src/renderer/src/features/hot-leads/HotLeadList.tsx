import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import type { SessionSummary } from '../../../../shared/contract';
import { PriorityBadge } from '../../components/PriorityBadge';
import { RelativeTime } from '../../components/RelativeTime';
import { markerColor } from '../../lib/priorities';
import { formatRoute } from '../../router/route';
import { visitorLabel, visitorSubtitle } from '../sessions/labels';
import classes from './HotLeads.module.css';

/**
 * Hot leads as links to their sessions: a plain list of anchors, so Tab, Enter and
 * "open in the same window" all work without extra keyboard code.
 */
export function HotLeadList({
  items,
  onOpen,
}: {
  items: SessionSummary[];
  /** Called when an entry is followed (the drawer closes itself). */
  onOpen?: () => void;
}) {
  return (
    <ul className={classes.list} data-testid="hot-lead-list">
      {items.map((session) => (
        <li key={session.id}>
          <UnstyledButton
            component="a"
            href={formatRoute({ page: 'sessions', sessionId: session.id })}
            onClick={onOpen}
            className={classes.row}
            data-priority={session.priority ?? undefined}
            data-session-id={session.id}
            data-testid="hot-lead"
          >
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text fw={600} size="sm" truncate>
                {visitorLabel(session)}
              </Text>
              <PriorityBadge priority={session.priority} size="xs" />
            </Group>
            <Group justify="space-between" wrap="nowrap" gap="xs" mt={2}>
              <Text size="xs" c="dimmed" truncate>
                {visitorSubtitle(session)}
              </Text>
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                {session.finalized && (
                  <Badge size="xs" variant="outline" color={markerColor.positive}>
                    Report sent
                  </Badge>
                )}
                <RelativeTime iso={session.lastInteractionAt} size="xs" c="dimmed" />
              </Group>
            </Group>
          </UnstyledButton>
        </li>
      ))}
    </ul>
  );
}
