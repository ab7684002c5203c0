import { Autocomplete, Group, Text } from '@mantine/core';
import { formatNumber } from '../../../lib/format';
import { useGymNameLookup } from '../gyms/use-gym-names';
import type { KnownGyms } from '../use-known-gyms';

interface Props {
  known: KnownGyms;
  gymId: string;
  branchId: string;
  onGym(value: string): void;
  onBranch(value: string): void;
  errors: { gymId?: string; branchId?: string };
  autoFocus?: boolean;
}

/** The directory name goes under the id, so both fields' inputs stay on one line. */
const nameBelow: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];

/** Wide enough for a whole UUID and its counts, whatever the field's width. */
const wide = { width: 'max-content', position: 'bottom-start' } as const;

/** An id in the list, with its directory name and its lead and call counts when known. */
function IdOption({
  id,
  name,
  of,
}: {
  id: string;
  name: string | null;
  of?: { leads: number; calls: number };
}) {
  return (
    <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
      <div>
        {name && (
          <Text size="sm" fw={600}>
            {name}
          </Text>
        )}
        <Text size={name ? 'xs' : 'sm'} ff="monospace" c={name ? 'dimmed' : undefined}>
          {id}
        </Text>
      </div>
      {of && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatNumber(of.leads)} leads · {formatNumber(of.calls)} calls
        </Text>
      )}
    </Group>
  );
}

/**
 * Gym and branch id fields that offer the gyms the lead tables hold, with their counts, and
 * then that gym's branches. Free text stays allowed: ids are the team database's UUIDs and
 * a gym without rows yet is still a valid report.
 */
export function GymFields({ known, gymId, branchId, onGym, onBranch, errors, autoFocus }: Props) {
  const gym = known.details.get(gymId.trim());
  const nameOf = useGymNameLookup();
  const gymName = nameOf(gymId.trim());
  const branchName = branchId.trim() ? nameOf(gymId.trim(), branchId.trim()) : null;
  const branchCounts = new Map(gym?.branches.map((b) => [b.branchId, b]));
  return (
    <>
      <Autocomplete
        label="Gym id"
        placeholder="Pick a gym or paste its id"
        withAsterisk
        data={known.gyms.filter((g) => g !== gymId)}
        limit={50}
        comboboxProps={wide}
        value={gymId}
        onChange={onGym}
        error={errors.gymId}
        description={gymName ?? undefined}
        inputWrapperOrder={nameBelow}
        renderOption={({ option }) => (
          <IdOption
            id={option.value}
            name={nameOf(option.value)}
            of={known.details.get(option.value)}
          />
        )}
        spellCheck={false}
        data-autofocus={autoFocus || undefined}
      />
      <Autocomplete
        label="Branch id"
        placeholder="All branches"
        data={known.branchesOf(gymId).filter((b) => b !== branchId)}
        limit={50}
        comboboxProps={wide}
        value={branchId}
        onChange={onBranch}
        error={errors.branchId}
        description={branchName ?? undefined}
        inputWrapperOrder={nameBelow}
        renderOption={({ option }) => (
          <IdOption
            id={option.value}
            name={nameOf(gymId.trim(), option.value)}
            of={branchCounts.get(option.value)}
          />
        )}
        spellCheck={false}
      />
    </>
  );
}
