import { CloseButton, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Priority, SessionSource } from '../../../../shared/contract';
import { PRIORITIES, priorityLabel, SOURCES, sourceLabel } from '../../lib/priorities';

interface Props {
  text: string;
  onText: (text: string) => void;
  source: SessionSource | undefined;
  onSource: (source: SessionSource | undefined) => void;
  priority: Priority | undefined;
  onPriority: (priority: Priority | undefined) => void;
}

const sourceOptions = [
  { value: '', label: 'All sources' },
  ...SOURCES.map((s) => ({ value: s, label: sourceLabel[s] })),
];
const priorityOptions = [
  { value: '', label: 'All priorities' },
  ...PRIORITIES.map((p) => ({ value: p, label: priorityLabel[p] })),
];

export function SessionFilters({ text, onText, source, onSource, priority, onPriority }: Props) {
  return (
    <Stack gap="xs" role="search" aria-label="Filter sessions">
      <TextInput
        aria-label="Search sessions"
        placeholder="Search transcripts and visitors"
        value={text}
        onChange={(event) => onText(event.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />}
        rightSection={
          text ? (
            <CloseButton size="sm" aria-label="Clear search" onClick={() => onText('')} />
          ) : null
        }
        data-testid="session-search"
      />
      <Group gap="xs" wrap="nowrap" grow>
        <NativeSelect
          aria-label="Source"
          data={sourceOptions}
          value={source ?? ''}
          onChange={(event) =>
            onSource((event.currentTarget.value || undefined) as SessionSource | undefined)
          }
        />
        <NativeSelect
          aria-label="Priority"
          data={priorityOptions}
          value={priority ?? ''}
          onChange={(event) =>
            onPriority((event.currentTarget.value || undefined) as Priority | undefined)
          }
        />
      </Group>
    </Stack>
  );
}
