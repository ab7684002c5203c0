import { Stack, Tabs } from '@mantine/core';
import {
  IconBuildingStore,
  IconChartBar,
  IconHistory,
  IconMailForward,
  IconTemplate,
  IconUsers,
} from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader';
import type { ReportTab, Route } from '../../router/route';
import { navigate } from '../../router/router';
import { DeliveriesTab } from './deliveries/DeliveriesTab';
import { GenerateTab } from './generate/GenerateTab';
import { GymsTab } from './gyms/GymsTab';
import { StaffTab } from './staff/StaffTab';
import { SubscriptionsTab } from './subscriptions/SubscriptionsTab';
import { TemplatesTab } from './templates/TemplatesTab';
import { useDeliveryEvents } from './use-delivery-events';

const TABS: { value: ReportTab; label: string; icon: typeof IconChartBar }[] = [
  { value: 'generate', label: 'Generate', icon: IconChartBar },
  { value: 'templates', label: 'Templates', icon: IconTemplate },
  { value: 'subscriptions', label: 'Subscriptions', icon: IconMailForward },
  { value: 'deliveries', label: 'Deliveries', icon: IconHistory },
  { value: 'staff', label: 'Staff', icon: IconUsers },
  { value: 'gyms', label: 'Gyms', icon: IconBuildingStore },
];

/**
 * Lead performance reports: generate one now (preview, PDF, send), the templates that lay
 * them out, the subscriptions that send them on a schedule, and what was delivered. The tab
 * is in the URL (`#/reports/deliveries`); panels stay mounted so a generated report survives
 * a look at another tab.
 */
export function ReportsPage({ route }: { route: Route }) {
  const tab = route.reportTab ?? 'generate';
  const latestDelivery = useDeliveryEvents();
  return (
    <Stack gap="lg" maw={1280}>
      <PageHeader
        title="Reports"
        description="Daily and weekly lead performance per gym: preview, PDF, and delivery by email, Slack or webhook."
      />
      <Tabs
        value={tab}
        onChange={(value) =>
          navigate({ page: 'reports', reportTab: (value ?? 'generate') as ReportTab })
        }
        keepMounted
      >
        <Tabs.List mb="lg">
          {TABS.map(({ value, label, icon: Icon }) => (
            <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="generate">
          <GenerateTab latestDelivery={latestDelivery} />
        </Tabs.Panel>
        <Tabs.Panel value="templates">
          <TemplatesTab />
        </Tabs.Panel>
        <Tabs.Panel value="subscriptions">
          <SubscriptionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="deliveries">
          <DeliveriesTab active={tab === 'deliveries'} />
        </Tabs.Panel>
        <Tabs.Panel value="staff">
          <StaffTab />
        </Tabs.Panel>
        <Tabs.Panel value="gyms">
          <GymsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
