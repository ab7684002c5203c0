import type { StaffEntry } from '../../../../../shared/staff';
import { DirectoryNameField } from '../shared/DirectoryNameField';
import { useSaveStaff } from './use-staff';

/** One staff member's name in the staff directory. */
export function StaffNameField({ entry }: { entry: StaffEntry }) {
  const save = useSaveStaff();
  return (
    <DirectoryNameField
      stored={entry.name}
      label={entry.userId}
      save={save}
      input={(name) => ({ userId: entry.userId, name, email: entry.email })}
    />
  );
}
