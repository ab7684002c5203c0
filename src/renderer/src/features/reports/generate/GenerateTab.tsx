import { Alert, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChartBar, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import type { EventPayload } from '../../../../../shared/contract';
import type { LeadReport } from '../../../../../shared/lead-report';
import { useGymNameLookup } from '../gyms/use-gym-names';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { EmptyState } from '../shared/EmptyState';
import { formatPeriod } from '../shared/format-report';
import { reportTypeLabel } from '../shared/labels';
import { ReportPreviewFrame } from '../shared/ReportPreviewFrame';
import { HeadlineNumbers } from './HeadlineNumbers';
import { ReportActionResults, ReportActions, useReportActions } from './ReportActions';
import { ReportParamsForm } from './ReportParamsForm';
import { SourceNotice } from './SourceNotice';
import { useLeadReport, useLeadReportHtml, type ReportRequest } from './use-lead-report';

/** Where the report is for: the gym's and branch's directory names, their ids where none. */
function ReportPlace({ report }: { report: LeadReport }) {
  const nameOf = useGymNameLookup();
  const gym = nameOf(report.gym_id);
  const branch = report.branch_id ? nameOf(report.gym_id, report.branch_id) : null;
  return (
    <Text size="sm" c="dimmed" data-testid="report-place">
      Gym {gym ?? report.gym_id} ·{' '}
      {report.branch_id ? `branch ${branch ?? report.branch_id}` : 'all branches'} ·{' '}
      {report.period.timezone}
    </Text>
  );
}

/** Generate any report now: its numbers, the mail exactly as sent, a PDF, or send it. */
export function GenerateTab({
  latestDelivery,
}: {
  latestDelivery: EventPayload<'delivery.changed'> | null;
}) {
  const [request, setRequest] = useState<ReportRequest | null>(null);
  const report = useLeadReport(request);
  const html = useLeadReportHtml(request);
  const actions = useReportActions();
  const busy = report.isFetching || html.isFetching;
  const generate = (next: ReportRequest) => {
    setRequest(next);
    // Same parameters again: the person wants fresh numbers, not the cached ones.
    if (JSON.stringify(next) === JSON.stringify(request)) {
      void report.refetch();
      void html.refetch();
    }
  };

  return (
    <Stack gap="md">
      <ReportParamsForm onGenerate={generate} busy={busy} />
      {!request && (
        <EmptyState icon={IconChartBar} title="No report generated yet">
          Choose the type, the day and the gym above, then press Generate (or Enter) to see the
          report exactly as it will be mailed. From there you can save it as a PDF or send it now.
        </EmptyState>
      )}
      {request && (
        <Stack gap="md" data-testid="generated-report">
          {report.error && (
            <ErrorAlert
              title="The report could not be computed"
              error={report.error}
              onRetry={() => void report.refetch()}
            />
          )}
          {report.isPending && <Skeleton h={96} />}
          {report.data && (
            <>
              <Group justify="space-between" align="center" gap="sm">
                <div>
                  <Title order={2} fz="lg" data-testid="report-title">
                    {reportTypeLabel[report.data.report.report_type]} report ·{' '}
                    {formatPeriod(
                      report.data.report.period.start,
                      report.data.report.period.end,
                      report.data.report.period.timezone,
                    )}
                  </Title>
                  <ReportPlace report={report.data.report} />
                </div>
                <ReportActions request={request} actions={actions} />
              </Group>
              <ReportActionResults
                request={request}
                actions={actions}
                latestDelivery={latestDelivery}
              />
              <SourceNotice source={report.data.source} />
              {report.data.report.leads.created === 0 && report.data.report.calls.total === 0 && (
                <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />}>
                  Nothing happened in this period for this gym: no leads created and no calls. If
                  that is unexpected, check the gym id and the dates.
                </Alert>
              )}
              <HeadlineNumbers report={report.data.report} />
            </>
          )}
          {html.error && (
            <ErrorAlert
              title="The preview could not be rendered"
              error={html.error}
              onRetry={() => void html.refetch()}
            />
          )}
          {html.isPending && <Skeleton h={600} aria-label="Rendering the preview" />}
          {html.data && (
            <section aria-label="Preview as mailed">
              <Text size="xs" c="dimmed" mb={4}>
                Preview, exactly as mailed (scripts and network off)
              </Text>
              <ReportPreviewFrame html={html.data} title="Report preview" height="80vh" />
            </section>
          )}
        </Stack>
      )}
    </Stack>
  );
}
