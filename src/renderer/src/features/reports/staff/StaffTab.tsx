import { Paper, Stack, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatNumber } from '../../../lib/format';
import { DirectoryStorage } from '../shared/DirectoryStorage';
import { EmptyState } from '../shared/EmptyState';
import { TableSkeleton } from '../shared/TableSkeleton';
import { StaffNameField } from './StaffNameField';
import { useStaff } from './use-staff';

/**
 * The staff directory: the call logs only know user ids, so reports show the names given
 * here (in the team database when there is one, so every machine's reports agree).
 */
export function StaffTab() {
  const staff = useStaff();
  const data = staff.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={720} data-testid="staff-storage">
        The call logs hold a user id per call; reports show the names given here instead.{' '}
        <DirectoryStorage storage={data?.storage} />
      </Text>
      {staff.error && <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />}
      {staff.isPending && <TableSkeleton label="Loading staff" />}
      {data && data.items.length === 0 && (
        <EmptyState icon={IconUsers} title="No staff yet">
          No calls with a user id yet, and no names given. Staff appear here once the call logs hold
          their calls.
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <Paper withBorder radius="md">
          <Table striped highlightOnHover verticalSpacing="xs" aria-label="Staff">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>User id</Table.Th>
                <Table.Th ta="right">Calls</Table.Th>
                <Table.Th w="45%">Name in reports</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((entry) => (
                <Table.Tr key={entry.userId} data-testid="staff-row">
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {entry.userId}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatNumber(entry.calls)}</Table.Td>
                  <Table.Td>
                    <StaffNameField key={entry.userId} entry={entry} />
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
