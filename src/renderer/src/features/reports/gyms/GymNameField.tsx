import type { GymNameEntry } from '../../../../../shared/gyms';
import { DirectoryNameField } from '../shared/DirectoryNameField';
import { useSaveGymName } from './use-gym-names';

/** A gym's or a branch's name in the gym directory. */
export function GymNameField({ entry }: { entry: GymNameEntry }) {
  const save = useSaveGymName();
  return (
    <DirectoryNameField
      stored={entry.name}
      label={entry.branchId ? `branch ${entry.branchId}` : `gym ${entry.gymId}`}
      save={save}
      input={(name) => ({ gymId: entry.gymId, branchId: entry.branchId, name })}
    />
  );
}
