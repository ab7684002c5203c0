import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileTypePdf, IconSend } from '@tabler/icons-react';
import type { EventPayload } from '../../../../../shared/contract';
import { PdfResult } from './PdfResult';
import { SendNowDialog } from './SendNowDialog';
import { SendNowStatus } from './SendNowStatus';
import { useSaveReportPdf, useSendReportNow, type ReportRequest } from './use-lead-report';

/** The two actions' state, shared by the buttons and the results shown under the header. */
export function useReportActions() {
  return { pdf: useSaveReportPdf(), send: useSendReportNow() };
}
export type ReportActionState = ReturnType<typeof useReportActions>;

/** "Save PDF" and "Send now" for the generated report. */
export function ReportActions({
  request,
  actions,
}: {
  request: ReportRequest;
  actions: ReportActionState;
}) {
  const { pdf, send } = actions;
  const [sending, sendDialog] = useDisclosure(false);
  return (
    <Group gap="sm" justify="flex-end" data-testid="report-actions">
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        loading={pdf.isPending}
        onClick={() => pdf.mutate(request)}
      >
        Save PDF
      </Button>
      <Button
        leftSection={<IconSend size={16} aria-hidden />}
        loading={send.isPending}
        onClick={() => {
          send.reset();
          sendDialog.open();
        }}
      >
        Send now
      </Button>
      <SendNowDialog
        opened={sending}
        onClose={sendDialog.close}
        onSend={(target) => {
          sendDialog.close();
          send.mutate({ ...request, ...target });
        }}
      />
    </Group>
  );
}

/**
 * What Save PDF and Send now came to, in one place under the report's header: the title
 * and the buttons stay where they are whatever the result says.
 */
export function ReportActionResults({
  request,
  actions,
  latestDelivery,
}: {
  request: ReportRequest;
  actions: ReportActionState;
  latestDelivery: EventPayload<'delivery.changed'> | null;
}) {
  const { pdf, send } = actions;
  const busy = pdf.isPending || send.isPending;
  if (!busy && !pdf.data && !pdf.error && !send.data && !send.error) return null;
  return (
    <Stack gap="xs" data-testid="report-action-results">
      <PdfResult mutation={pdf} onRetry={() => pdf.mutate(request)} />
      <SendNowStatus mutation={send} latest={latestDelivery} />
    </Stack>
  );
}
