import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { Fragment } from 'react';

/**
 * A file path that wraps after a folder separator, never inside a name ("…/reports/
 * session_42.pdf", not "…pd / f"); one very long name may still break anywhere.
 */
export function PathText({ path }: { path: string }) {
  const parts = path.split(/(?<=[/\\])/);
  return (
    <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </Text>
  );
}

/** Where a file was written, with a button to copy its path. */
export function FilePath({ path, testId }: { path: string; testId?: string }) {
  return (
    <Group gap={6} wrap="nowrap" mt={6} data-testid={testId}>
      <PathText path={path} />
      <CopyButton value={path}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy path'}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label="Copy the PDF's path"
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
