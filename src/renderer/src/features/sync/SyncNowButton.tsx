import { Button, Loader, type ButtonProps } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useSyncRun } from './SyncProvider';

/** Starts a sync of every configured source, or shows the one already running. */
export function SyncNowButton(props: Pick<ButtonProps, 'size' | 'variant'>) {
  const sync = useSyncRun();
  return (
    <Button
      variant="light"
      size="xs"
      {...props}
      leftSection={
        sync.running ? (
          <Loader size={12} color="currentColor" />
        ) : (
          <IconRefresh size={14} aria-hidden />
        )
      }
      onClick={() => (sync.running ? sync.openDialog() : sync.start('all'))}
      aria-haspopup="dialog"
      data-testid="sync-now"
    >
      {sync.running ? 'Syncing…' : 'Sync now'}
    </Button>
  );
}
