import { Button, Group, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFileTypePdf, IconSend } from '@tabler/icons-react';
import type { EventPayload } from '../../../../../shared/contract';
import { PdfResult } from './PdfResult';
import { SendNowDialog } from './SendNowDialog';
import { SendNowStatus } from './SendNowStatus';
import { useSaveReportPdf, useSendReportNow, type ReportRequest } from './use-lead-report';

/** "Save PDF" and "Send now" for the generated report, and what each came to. */
export function ReportActions({
  request,
  latestDelivery,
}: {
  request: ReportRequest;
  latestDelivery: EventPayload<'delivery.changed'> | null;
}) {
  const pdf = useSaveReportPdf();
  const send = useSendReportNow();
  const [sending, sendDialog] = useDisclosure(false);
  return (
    <Stack gap="xs" align="flex-end" style={{ flex: '1 1 320px' }}>
      <Group gap="sm" justify="flex-end">
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
      </Group>
      <PdfResult mutation={pdf} onRetry={() => pdf.mutate(request)} />
      <SendNowStatus mutation={send} latest={latestDelivery} />
      <SendNowDialog
        opened={sending}
        onClose={sendDialog.close}
        onSend={(target) => {
          sendDialog.close();
          send.mutate({ ...request, ...target });
        }}
      />
    </Stack>
  );
}
