import { List, Stack, Text } from '@mantine/core';
import { useAppInfo } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import { ComingSoon } from '../../components/ComingSoon';

/** Not built yet: says what is coming and what data is already there for it, nothing invented. */
export function LeadsPage() {
  const info = useAppInfo();
  const counts = info.data?.counts;
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader
        title="Leads"
        description="Gym leads and the calls made to them, per gym and branch."
      />
      {info.error && <ErrorAlert error={info.error} />}
      <ComingSoon
        title="Lead performance is coming"
        facts={
          counts && [
            { label: 'Gym leads in the local store', value: formatNumber(counts.leads) },
            { label: 'Calls logged', value: formatNumber(counts.callLogs) },
            { label: 'Chat sessions with a lead score', value: formatNumber(counts.sessions) },
          ]
        }
      >
        <Text>
          This page will list every lead with its status, source and the calls made to it, and show
          how each gym and branch is doing:
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>new leads per day and week, and how fast they were first called</List.Item>
          <List.Item>call outcomes: answered, no answer, booked a visit, not interested</List.Item>
          <List.Item>
            conversion from chat lead to member, per branch and per staff member
          </List.Item>
        </List>
        <Text size="sm" c="dimmed">
          Until then, chat leads are on the Sessions page, where each session shows its lead score
          and the reasons behind it.
        </Text>
      </ComingSoon>
    </Stack>
  );
}
