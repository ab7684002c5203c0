import { Box } from '@mantine/core';

/**
 * A rendered report exactly as it is mailed, in a frame that can run nothing: `sandbox=""`
 * (no scripts, no forms, no same-origin), on top of core's neutralising and the document's
 * own CSP. The report is a white page in both themes, as in a mail client.
 */
export function ReportPreviewFrame({
  html,
  title,
  height = 720,
}: {
  html: string;
  title: string;
  height?: number | string;
}) {
  return (
    <Box
      style={{
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
        background: '#fff',
        // A little white around the page, as a mail client gives it.
        padding: 12,
      }}
    >
      <iframe
        sandbox=""
        srcDoc={html}
        title={title}
        data-testid="report-preview"
        style={{ display: 'block', width: '100%', height, border: 0, background: '#fff' }}
      />
    </Box>
  );
}
