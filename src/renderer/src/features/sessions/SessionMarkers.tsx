import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconCircleCheck, IconGhost2 } from '@tabler/icons-react';
import type { SessionSummary } from '../../../../shared/contract';
import { markerColor } from '../../lib/priorities';

/** "Finalized" and "removed upstream" where they matter most: the open session's header. */
export function SessionMarkers({ session }: { session: SessionSummary }) {
  return (
    <>
      {session.finalized && (
        <Tooltip
          label="Its report was sent; the inactivity monitor will not send it again"
          withArrow
        >
          <Badge
            variant="outline"
            color={markerColor.positive}
            size="sm"
            leftSection={<IconCircleCheck size={12} aria-hidden />}
            data-testid="marker-finalized"
          >
            Finalized · report sent
          </Badge>
        </Tooltip>
      )}
      {session.vanished && (
        <Badge
          variant="outline"
          color={markerColor.neutral}
          size="sm"
          leftSection={<IconGhost2 size={12} aria-hidden />}
          data-testid="marker-vanished"
        >
          Removed upstream
        </Badge>
      )}
    </>
  );
}

/** The longer word on a vanished session, so nobody goes looking for it in Redis. */
export function VanishedNote() {
  return (
    <Group gap={6} wrap="nowrap" data-testid="vanished-note">
      <IconGhost2 size={16} aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" c="dimmed">
        Removed upstream — kept in the local mirror. The source no longer has this session;
        Leadwatch keeps its copy for review.
      </Text>
    </Group>
  );
}
