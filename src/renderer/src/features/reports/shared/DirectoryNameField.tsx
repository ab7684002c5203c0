import { Loader, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';

/**
 * A name in one of the report directories (staff, gyms, branches), saved when the field is
 * left or Enter is pressed (Escape puts the stored name back). An empty name removes it:
 * reports show the id again.
 */
export function DirectoryNameField<TInput>({
  stored,
  label,
  save,
  input,
}: {
  stored: string | null;
  /** What the field names, for its accessible label ("Name for …"). */
  label: string;
  save: UseMutationResult<unknown, Error, TInput>;
  /** The save call's input for a name. */
  input: (name: string) => TInput;
}) {
  const saved = stored ?? '';
  const [value, setValue] = useState(saved);
  const commit = () => {
    if (value.trim() === saved) return;
    save.mutate(input(value.trim()));
  };
  return (
    <TextInput
      size="xs"
      aria-label={`Name for ${label}`}
      placeholder="No name: reports show the id"
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setValue(saved);
      }}
      error={save.error ? save.error.message : undefined}
      rightSection={
        save.isPending ? (
          <Loader size={12} aria-label="Saving" />
        ) : save.isSuccess && value.trim() === saved ? (
          <IconCheck size={14} aria-label="Saved" color="var(--mantine-color-teal-7)" />
        ) : null
      }
      maxLength={120}
    />
  );
}
