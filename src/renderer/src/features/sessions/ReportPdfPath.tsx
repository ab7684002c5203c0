import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

/** Where a session's report PDF is kept, with a button to copy the path. */
export function ReportPdfPath({ path }: { path: string }) {
  return (
    <Group gap={6} wrap="nowrap" mt={6} data-testid="end-session-pdf">
      <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {path}
      </Text>
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
