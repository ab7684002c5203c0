import { Paper, Stack, Table, Text } from '@mantine/core';
import { IconBuildingStore } from '@tabler/icons-react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatNumber } from '../../../lib/format';
import { DirectoryStorage } from '../shared/DirectoryStorage';
import { EmptyState } from '../shared/EmptyState';
import { TableSkeleton } from '../shared/TableSkeleton';
import { GymNameField } from './GymNameField';
import { useGymNames } from './use-gym-names';

/**
 * The gym directory: the lead tables know gyms and branches by id only, so reports show
 * the names given here (in the team database when there is one, so every machine agrees).
 */
export function GymsTab() {
  const gyms = useGymNames();
  const data = gyms.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={720} data-testid="gyms-storage">
        The lead tables hold a gym id and a branch id per lead and call; reports show the names
        given here instead. <DirectoryStorage storage={data?.storage} />
      </Text>
      {gyms.error && <ErrorAlert error={gyms.error} onRetry={() => void gyms.refetch()} />}
      {gyms.isPending && <TableSkeleton label="Loading gyms" />}
      {data && data.items.length === 0 && (
        <EmptyState icon={IconBuildingStore} title="No gyms yet">
          No leads or calls yet, and no names given. Gyms appear here once the lead tables hold
          their leads and calls.
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <Paper withBorder radius="md">
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Gyms and branches">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Gym or branch id</Table.Th>
                <Table.Th ta="right">Leads</Table.Th>
                <Table.Th ta="right">Calls</Table.Th>
                <Table.Th w="40%">Name in reports</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => (
                <Table.Tr
                  key={`${entry.gymId}/${entry.branchId ?? ''}`}
                  data-testid="gym-row"
                  data-kind={entry.branchId ? 'branch' : 'gym'}
                >
                  <Table.Td pl={entry.branchId ? 'xl' : undefined}>
                    <Text size="xs" c="dimmed">
                      {entry.branchId ? 'Branch' : 'Gym'}
                    </Text>
                    <Text size="sm" ff="monospace">
                      {entry.branchId ?? entry.gymId}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(entry.leads)}</Table.Td>
                  <Table.Td ta="right">{formatNumber(entry.calls)}</Table.Td>
                  <Table.Td>
                    <GymNameField entry={entry} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
