import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { ActionErrorAlert } from '../../components/ActionErrorAlert';
import { syncAdvice } from './sync-advice';
import { SyncProgressList } from './SyncProgressList';
import type { SyncRunState } from './SyncProvider';
import { SyncResults } from './SyncResults';

/**
 * The sync as it happens: progress per source, then what changed and what failed. Closing
 * it does not stop the sync; the sidebar keeps showing its progress.
 */
export function SyncDialog({
  opened,
  onClose,
  state,
}: {
  opened: boolean;
  onClose: () => void;
  state: SyncRunState;
}) {
  const { running, progress, last, error } = state;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{running ? 'Syncing from sources…' : 'Sync from sources'}</Text>}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close sync' }}
      data-testid="sync-dialog"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Copies new and changed chat sessions from your team&apos;s Redis and PostgreSQL into the
          local mirror. Only what changed since the last sync is read.
        </Text>
        {running && (
          <div role="status" aria-live="polite">
            <SyncProgressList progress={progress} />
          </div>
        )}
        {!running && error && (
          <ActionErrorAlert
            title="The sync did not run"
            error={error}
            advice={syncAdvice}
            onDismiss={state.dismissError}
          />
        )}
        {!running && last && (
          <div role="status">
            <SyncResults results={last.results} />
          </div>
        )}
        <Group justify="flex-end" gap="sm">
          {running ? (
            <Button variant="default" onClick={onClose}>
              Hide (the sync continues)
            </Button>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                Close
              </Button>
              <Button onClick={() => state.start('all')}>
                {error || last ? 'Sync again' : 'Sync now'}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
