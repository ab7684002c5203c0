import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Subscription, SubscriptionInput } from '../../../../../shared/deliveries';
import { call } from '../../../api/client';
import { keys } from '../../../api/keys';

export function useSubscriptions() {
  return useQuery({ queryKey: keys.subscriptions, queryFn: () => call('subscriptions.list') });
}

export function useSaveSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SubscriptionInput) => call('subscriptions.save', input),
    meta: { inlineError: true },
    onSettled: () => client.invalidateQueries({ queryKey: keys.subscriptions }),
  });
}

export function useMoveSubscriptionsToTeam() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { pause: boolean }) => call('subscriptions.moveToTeam', input),
    meta: { inlineError: true },
    onSettled: () => client.invalidateQueries({ queryKey: keys.subscriptions }),
  });
}

export function useDeleteSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('subscriptions.delete', { id }),
    meta: { inlineError: true },
    onSettled: () => client.invalidateQueries({ queryKey: keys.subscriptions }),
  });
}

/** The stored subscription as the input that saves it unchanged. */
export function toInput(s: Subscription): SubscriptionInput {
  return {
    id: s.id,
    gymId: s.gymId,
    branchId: s.branchId,
    reportType: s.reportType,
    templateId: s.templateId,
    active: s.active,
    deliveryMethod: s.deliveryMethod,
    recipients: s.recipients,
    deliveryTime: s.deliveryTime,
    deliveryDays: s.deliveryDays,
    timezone: s.timezone,
    skipWhenEmpty: s.skipWhenEmpty,
    createdBy: s.createdBy,
  };
}

/** Pauses or resumes a subscription from the table's switch; failures go to a notification. */
export function useToggleSubscription() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (s: Subscription) =>
      call('subscriptions.save', { ...toInput(s), active: !s.active }),
    onSettled: () => client.invalidateQueries({ queryKey: keys.subscriptions }),
  });
}

/** Sends a subscription's latest period now, through the same delivery path. */
export function useSendSubscriptionNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call('reports.leads.sendNow', { subscriptionId: id }),
    onSettled: () => client.invalidateQueries({ queryKey: ['deliveries.list'] }),
  });
}
