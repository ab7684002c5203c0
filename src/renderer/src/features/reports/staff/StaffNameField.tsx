import { Loader, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { StaffEntry } from '../../../../../shared/staff';
import { useSaveStaff } from './use-staff';

/**
 * One staff member's name, saved when the field is left or Enter is pressed (Escape puts
 * the stored name back). An empty name removes the entry: reports show the id again.
 */
export function StaffNameField({ entry }: { entry: StaffEntry }) {
  const save = useSaveStaff();
  const [value, setValue] = useState(entry.name ?? '');
  const stored = entry.name ?? '';
  const commit = () => {
    if (value.trim() === stored) return;
    save.mutate({ userId: entry.userId, name: value.trim(), email: entry.email });
  };
  return (
    <TextInput
      size="xs"
      aria-label={`Name for ${entry.userId}`}
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
