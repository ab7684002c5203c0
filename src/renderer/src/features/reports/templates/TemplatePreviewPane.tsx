import { Alert, Group, Loader, Skeleton, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { LeadTemplateKind } from '../../../../../shared/report-templates';
import { ReportPreviewFrame } from '../shared/ReportPreviewFrame';
import { useTemplatePreview } from './use-templates';

/** The template rendered against a sample report, a moment after typing stops. */
export function TemplatePreviewPane({
  kind,
  body,
  onGoToLine,
}: {
  kind: LeadTemplateKind;
  body: string;
  onGoToLine: (line: number) => void;
}) {
  const preview = useTemplatePreview(kind, body);
  const problem = preview.data?.problem ?? null;
  // While the body does not render, keep showing the last version that did.
  const [shown, setShown] = useState<string | null>(null);
  const html = preview.data?.html ?? null;
  if (html && html !== shown) setShown(html);
  return (
    <section aria-label="Live preview">
      <Group justify="space-between" mb={4} h={20}>
        <Text size="xs" c="dimmed">
          Live preview with sample numbers
        </Text>
        {(preview.stale || preview.isFetching) && <Loader size={14} aria-label="Updating" />}
      </Group>
      {problem && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          mb="xs"
          data-testid="preview-problem"
          title="The preview stopped here"
        >
          <Text size="sm">
            {problem.line !== null ? (
              <Text
                component="button"
                type="button"
                size="sm"
                fw={600}
                td="underline"
                onClick={() => onGoToLine(problem.line ?? 1)}
                style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
              >
                {problem.message}
              </Text>
            ) : (
              problem.message
            )}
          </Text>
        </Alert>
      )}
      {preview.error && (
        <Alert color="red" variant="light" mb="xs">
          {preview.error.message}
        </Alert>
      )}
      {shown ? (
        <ReportPreviewFrame html={shown} title="Template preview" height={640} />
      ) : (
        !problem && <Skeleton h={640} />
      )}
    </section>
  );
}
