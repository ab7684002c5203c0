import { Grid, Stack } from '@mantine/core';
import { useAppInfo, useSettings } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { DemoOffer } from '../demo/DemoOffer';
import { HotLeadsCard } from '../hot-leads/HotLeadsCard';
import { PriorityBreakdown } from './PriorityBreakdown';
import { RecentSessions } from './RecentSessions';
import { StatCards } from './StatCards';

export function DashboardPage() {
  const info = useAppInfo();
  const settings = useSettings();
  const empty = info.data?.isEmpty ?? false;

  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader
        title="Dashboard"
        description="Your chatbots' conversations, leads and calls at a glance."
      />
      {info.error && (
        <ErrorAlert
          title="Could not read the local store"
          error={info.error}
          onRetry={() => void info.refetch()}
        />
      )}
      {empty && <DemoOffer welcome={!settings.data?.demoOffered} />}
      <StatCards counts={info.data?.counts} />
      {!empty && (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <RecentSessions />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="lg">
              <HotLeadsCard />
              <PriorityBreakdown totalSessions={info.data?.counts.sessions ?? 0} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  );
}
