import { List, Stack, Text } from '@mantine/core';
import { useAppInfo } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import { ComingSoon } from '../../components/ComingSoon';

export function ReportsPage() {
  const info = useAppInfo();
  const counts = info.data?.counts;
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title="Reports"
        description="Reports Leadwatch builds and delivers on a schedule."
      />
      {info.error && <ErrorAlert error={info.error} />}
      <ComingSoon
        title="Scheduled reports are coming"
        facts={
          counts && [
            { label: 'Chat sessions', value: formatNumber(counts.sessions) },
            { label: 'Shop users', value: formatNumber(counts.shopUsers) },
            { label: 'Shop events', value: formatNumber(counts.shopEvents) },
          ]
        }
      >
        <Text>Three kinds of report, each rendered once and sent by email, Slack or webhook:</Text>
        <List size="sm" spacing={6}>
          <List.Item>
            <b>Session report:</b> one PDF per finished chat session, with the visitor, the lead
            score and the full transcript, mailed once the visitor has been inactive for the
            configured minutes.
          </List.Item>
          <List.Item>
            <b>Lead performance:</b> daily and weekly per gym and branch, with templates,
            subscriptions, delivery history and retries.
          </List.Item>
          <List.Item>
            <b>Churn report:</b> weekly, from shop activity: customers at risk, segments, what
            changed, and a short executive summary.
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Recipients, time zone and the inactivity window are already stored: set them in Settings.
        </Text>
      </ComingSoon>
    </Stack>
  );
}
