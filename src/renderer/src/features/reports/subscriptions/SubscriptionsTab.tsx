import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMailForward, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Subscription } from '../../../../../shared/deliveries';
import { useSettings } from '../../../api/hooks';
import { ActionErrorAlert } from '../../../components/ActionErrorAlert';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { EmptyState } from '../shared/EmptyState';
import { statusLabel } from '../shared/labels';
import { TableSkeleton } from '../shared/TableSkeleton';
import { draftOf, emptyDraft, type SubscriptionDraft } from './subscription-draft';
import { LocalLeftoversAlert } from './LocalLeftoversAlert';
import { SubscriptionForm } from './SubscriptionForm';
import { SubscriptionTable } from './SubscriptionTable';
import {
  useDeleteSubscription,
  useSendSubscriptionNow,
  useSubscriptions,
  useToggleSubscription,
} from './use-subscriptions';

const machineZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Reports sent on a schedule: the list, and a form to add or change one. */
export function SubscriptionsTab() {
  const subscriptions = useSubscriptions();
  const settings = useSettings();
  const toggle = useToggleSubscription();
  const remove = useDeleteSubscription();
  const sendNow = useSendSubscriptionNow();
  const [editing, setEditing] = useState<{ draft: SubscriptionDraft; key: number } | null>(null);
  const [deleting, setDeleting] = useState<Subscription | null>(null);
  const items = subscriptions.data?.items ?? [];
  const open = (draft: SubscriptionDraft) => setEditing({ draft, key: Date.now() });
  const create = () => open(emptyDraft(settings.data?.reportTimezone || machineZone));

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={680} data-testid="subscriptions-storage">
          {subscriptions.data?.storage === 'local' ? (
            <>
              Each active subscription sends its gym&apos;s report at its local time, once per
              period. They are kept on this computer: set the team database in{' '}
              <Anchor href="#/settings" inherit underline="always">
                Settings
              </Anchor>{' '}
              so every Leadwatch of the team shares them and exactly one sends each report.
            </>
          ) : (
            <>
              Each active subscription sends its gym&apos;s report at its local time, once per
              period, however many Leadwatch instances of the team run: subscriptions and deliveries
              are kept in the team database.
            </>
          )}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={create}>
          New subscription
        </Button>
      </Group>
      <LocalLeftoversAlert count={subscriptions.data?.localOnly ?? 0} />
      {subscriptions.error && (
        <ErrorAlert error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
      )}
      {remove.error && (
        <ActionErrorAlert
          title="The subscription was not deleted"
          error={remove.error}
          onDismiss={remove.reset}
        />
      )}
      {sendNow.data && (
        <Alert
          color={sendNow.data.status === 'failed' ? 'red' : 'teal'}
          variant="light"
          icon={
            sendNow.data.status === 'failed' ? (
              <IconAlertTriangle aria-hidden />
            ) : (
              <IconCheck aria-hidden />
            )
          }
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={sendNow.reset}
          role="status"
        >
          Delivery #{sendNow.data.id}: {statusLabel[sendNow.data.status].toLowerCase()}
          {sendNow.data.error ? ` (${sendNow.data.error})` : ''}. See{' '}
          <Anchor href="#/reports/deliveries" inherit>
            Deliveries
          </Anchor>
          .
        </Alert>
      )}
      {subscriptions.isPending && <TableSkeleton label="Loading subscriptions" />}
      {subscriptions.data && items.length === 0 && (
        <EmptyState
          icon={IconMailForward}
          title="No subscriptions yet"
          action={
            <Button variant="light" mt="xs" onClick={create}>
              Create a subscription
            </Button>
          }
        >
          No subscriptions yet — create one to get reports by mail, Slack or webhook, daily or on
          the weekdays you choose.
        </EmptyState>
      )}
      {items.length > 0 && (
        <SubscriptionTable
          items={items}
          onEdit={(s) => open(draftOf(s))}
          onDelete={setDeleting}
          onToggle={(s) => toggle.mutate(s)}
          onSendNow={(s) => sendNow.mutate(s.id)}
          sendingId={sendNow.isPending ? (sendNow.variables ?? null) : null}
        />
      )}
      {editing && (
        <SubscriptionForm
          key={editing.key}
          opened
          initial={editing.draft}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this subscription?"
        confirmLabel="Delete subscription"
        busy={remove.isPending}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting && remove.mutate(deleting.id, { onSettled: () => setDeleting(null) })
        }
      >
        Its {deleting?.reportType} report for gym {deleting?.gymId} stops being sent. Past
        deliveries stay in the history.
      </ConfirmDialog>
    </Stack>
  );
}
