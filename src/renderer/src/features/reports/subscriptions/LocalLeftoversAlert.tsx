import { Alert, Button, Group, Text } from '@mantine/core';
import { IconDatabaseImport } from '@tabler/icons-react';
import { ActionErrorAlert } from '../../../components/ActionErrorAlert';
import { useMoveSubscriptionsToTeam } from './use-subscriptions';

/**
 * Subscriptions made on this computer before a team database was set are not sent any more
 * (the scheduler reads the team's); this offers to move them instead of leaving them behind.
 */
export function LocalLeftoversAlert({ count }: { count: number }) {
  const move = useMoveSubscriptionsToTeam();
  if (count === 0 && !move.data) return null;
  if (move.data) {
    return (
      <Alert color="teal" variant="light" role="status" withCloseButton onClose={move.reset}>
        Moved {move.data.subscriptions} subscription{move.data.subscriptions === 1 ? '' : 's'}
        {move.data.templates
          ? ` and ${move.data.templates} template${move.data.templates === 1 ? '' : 's'}`
          : ''}{' '}
        to the team database.
      </Alert>
    );
  }
  const text =
    count === 1
      ? 'One subscription was made here before the team database was set, and is not sent while it stays here. Move it (with its custom template, if any) so the team sees and sends it; moved paused, it waits until someone switches it on.'
      : `${count} subscriptions were made here before the team database was set, and are not sent while they stay here. Move them (with the custom templates they use) so the team sees and sends them; moved paused, they wait until someone switches them on.`;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconDatabaseImport aria-hidden />}
      title="Subscriptions left on this computer"
      data-testid="local-leftovers"
    >
      <Text size="sm">{text}</Text>
      {move.error && (
        <ActionErrorAlert title="Nothing was moved" error={move.error} onDismiss={move.reset} />
      )}
      <Group mt="sm" gap="sm">
        <Button size="xs" loading={move.isPending} onClick={() => move.mutate({ pause: false })}>
          Move to the team database
        </Button>
        <Button
          size="xs"
          variant="default"
          disabled={move.isPending}
          onClick={() => move.mutate({ pause: true })}
        >
          Move paused
        </Button>
      </Group>
    </Alert>
  );
}
