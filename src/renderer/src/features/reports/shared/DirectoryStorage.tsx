import { Anchor } from '@mantine/core';

/** Where a report directory's names are kept, and what a team database changes. */
export function DirectoryStorage({ storage }: { storage: 'local' | 'postgres' | undefined }) {
  if (storage !== 'local') {
    return <>Names are kept in the team database, the same for every Leadwatch of the team.</>;
  }
  return (
    <>
      Names are kept on this computer: with a team database set in{' '}
      <Anchor href="#/settings" inherit underline="always">
        Settings
      </Anchor>{' '}
      every Leadwatch of the team shares them.
    </>
  );
}
