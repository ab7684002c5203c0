import { Loader, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { GymNameEntry } from '../../../../../shared/gyms';
import { useSaveGymName } from './use-gym-names';

/**
 * A gym's or a branch's name, saved when the field is left or Enter is pressed (Escape
 * puts the stored name back). An empty name removes it: reports show the id again.
 */
export function GymNameField({ entry }: { entry: GymNameEntry }) {
  const save = useSaveGymName();
  const [value, setValue] = useState(entry.name ?? '');
  const stored = entry.name ?? '';
  const commit = () => {
    if (value.trim() === stored) return;
    save.mutate({ gymId: entry.gymId, branchId: entry.branchId, name: value.trim() });
  };
  const what = entry.branchId ? `branch ${entry.branchId}` : `gym ${entry.gymId}`;
  return (
    <TextInput
      size="xs"
      aria-label={`Name for ${what}`}
      placeholder="No name: reports show the id"
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setValue(stored);
      }}
      error={save.error ? save.error.message : undefined}
      rightSection={
        save.isPending ? (
          <Loader size={12} aria-label="Saving" />
        ) : save.isSuccess && value.trim() === stored ? (
          <IconCheck size={14} aria-label="Saved" color="var(--mantine-color-teal-7)" />
        ) : null
      }
      maxLength={120}
    />
  );
}
