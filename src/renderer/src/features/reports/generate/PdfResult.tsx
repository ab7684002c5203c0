import { Alert } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { FilePath } from '../../../components/FilePath';
import type { useSaveReportPdf } from './use-lead-report';
import { ActionErrorAlert } from '../../../components/ActionErrorAlert';
import { formatBytes } from '../shared/format-report';

const pdfAdvice = {
  unavailable:
    'PDFs need Chromium. Set CHROME_PATH to a Chrome or Chromium binary (Settings → Local store shows where Leadwatch runs), then try again.',
};

/** Where the PDF was saved and how big it is, or why it was not. */
export function PdfResult({
  mutation,
  onRetry,
}: {
  mutation: ReturnType<typeof useSaveReportPdf>;
  onRetry: () => void;
}) {
  if (mutation.error) {
    return (
      <ActionErrorAlert
        title="The PDF was not saved"
        error={mutation.error}
        advice={pdfAdvice}
        onRetry={onRetry}
        onDismiss={mutation.reset}
      />
    );
  }
  if (!mutation.data) return null;
  const { pdfPath, bytes } = mutation.data;
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconFileTypePdf aria-hidden />}
      role="status"
      withCloseButton
      closeButtonLabel="Dismiss"
      onClose={mutation.reset}
      data-testid="pdf-result"
      title={`PDF saved (${formatBytes(bytes)})`}
      maw={560}
    >
      <FilePath path={pdfPath} />
    </Alert>
  );
}
