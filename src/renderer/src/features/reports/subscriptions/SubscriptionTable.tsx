import {
  ActionIcon,
  Badge,
  Group,
  Switch,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconPencil, IconSend, IconTrash } from '@tabler/icons-react';
import type { Subscription } from '../../../../../shared/deliveries';
import { RelativeTime } from '../../../components/RelativeTime';
import { methodLabel, weekdayLabel } from '../shared/labels';
import { useGymNameLookup } from '../gyms/use-gym-names';

function days(s: Subscription): string {
  if (!s.deliveryDays?.length || s.deliveryDays.length === 7) return 'every day';
  return s.deliveryDays.map((d) => weekdayLabel[d]).join(', ');
}

const short = (id: string) => (id.length > 13 ? `${id.slice(0, 8)}…` : id);

/** One row per subscription: what, where to, when, and a switch to pause it. */
export function SubscriptionTable({
  items,
  onEdit,
  onDelete,
  onToggle,
  onSendNow,
  sendingId,
}: {
  items: Subscription[];
  onEdit: (s: Subscription) => void;
  onDelete: (s: Subscription) => void;
  onToggle: (s: Subscription) => void;
  onSendNow: (s: Subscription) => void;
  sendingId: number | null;
}) {
  const nameOf = useGymNameLookup();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Subscriptions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Gym / branch</Table.Th>
            <Table.Th>Report</Table.Th>
            <Table.Th>Method</Table.Th>
            <Table.Th>Recipients</Table.Th>
            <Table.Th>Schedule</Table.Th>
            <Table.Th>Active</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="subscription-row" data-id={s.id}>
              <Table.Td>
                <Text size="sm" ff={nameOf(s.gymId) ? undefined : 'monospace'} title={s.gymId}>
                  {nameOf(s.gymId) ?? short(s.gymId)}
                </Text>
                <Text
                  size="xs"
                  c="dimmed"
                  ff={s.branchId && !nameOf(s.gymId, s.branchId) ? 'monospace' : undefined}
                  title={s.branchId ?? undefined}
                >
                  {s.branchId ? (nameOf(s.gymId, s.branchId) ?? short(s.branchId)) : 'All branches'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" tt="capitalize">
                  {s.reportType}
                </Text>
                {s.skipWhenEmpty && (
                  <Text size="xs" c="dimmed">
                    skipped when empty
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color="gray">
                  {methodLabel[s.deliveryMethod]}
                </Badge>
              </Table.Td>
              <Table.Td maw={260}>
                <Text size="sm" style={{ wordBreak: 'break-all' }} lineClamp={2}>
                  {s.recipients.length ? s.recipients.join(', ') : 'Default recipients'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {s.deliveryTime.slice(0, 5)}, {days(s)}
                </Text>
                <Text size="xs" c="dimmed">
                  {s.timezone}
                  {s.nextRunAt && (
                    <>
                      {' · next '}
                      <RelativeTime iso={s.nextRunAt} inherit span />
                    </>
                  )}
                </Text>
              </Table.Td>
              <Table.Td>
                <Switch
                  checked={s.active}
                  onChange={() => onToggle(s)}
                  aria-label={`Active: subscription ${s.id}`}
                />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label="Send the latest period now">
                    <ActionIcon
                      variant="subtle"
                      onClick={() => onSendNow(s)}
                      loading={sendingId === s.id}
                      aria-label={`Send subscription ${s.id} now`}
                    >
                      <IconSend size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Edit">
                    <ActionIcon
                      variant="subtle"
                      onClick={() => onEdit(s)}
                      aria-label={`Edit subscription ${s.id}`}
                    >
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => onDelete(s)}
                      aria-label={`Delete subscription ${s.id}`}
                    >
                      <IconTrash size={18} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
