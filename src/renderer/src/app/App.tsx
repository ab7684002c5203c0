import { Center, Loader, MantineProvider } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useStoreChangedInvalidation } from '../api/events';
import { useSettings } from '../api/hooks';
import { createQueryClient } from '../api/query-client';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotificationsProvider, useNotify } from '../components/notifications';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { HotLeadsProvider } from '../features/hot-leads/HotLeadsProvider';
import { useLeadAlerts } from '../features/hot-leads/use-lead-alerts';
import { LeadsPage } from '../features/leads/LeadsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SyncProvider } from '../features/sync/SyncProvider';
import type { Route } from '../router/route';
import { useRoute } from '../router/router';
import { NAV_ITEMS } from './nav-items';
import { Shell } from './Shell';
import { cssVariablesResolver, memoryColorSchemeManager, theme } from './theme';
import { ThemeSync } from './ThemeSync';
import { useOpenSessionRequests } from './use-open-session-requests';

const colorSchemeManager = memoryColorSchemeManager();

export function App() {
  return (
    <MantineProvider
      theme={theme}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
      cssVariablesResolver={cssVariablesResolver}
    >
      <NotificationsProvider>
        <QueryProvider>
          <Root />
        </QueryProvider>
      </NotificationsProvider>
    </MantineProvider>
  );
}

/** Failed mutations surface as notifications unless the form shows them itself. */
function QueryProvider({ children }: { children: ReactNode }) {
  const notify = useNotify();
  const [client] = useState(() =>
    createQueryClient((error) =>
      notify({ kind: 'error', title: 'That did not work', message: error.message }),
    ),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

function Root() {
  const settings = useSettings();
  const route = useRoute();
  useStoreChangedInvalidation();
  useLeadAlerts();
  useOpenSessionRequests();
  useDocumentTitle(
    `${NAV_ITEMS.find((item) => item.page === route.page)?.label ?? 'Leadwatch'} · Leadwatch`,
  );

  // Settings hold the theme: wait for them (a local call, milliseconds) rather than flash.
  if (settings.isPending) {
    return (
      <Center h="100dvh" role="status" aria-label="Starting Leadwatch">
        <Loader />
      </Center>
    );
  }
  if (settings.error) {
    return (
      <Center h="100dvh" p="xl">
        <ErrorAlert
          title="Leadwatch could not start"
          error={settings.error}
          onRetry={() => void settings.refetch()}
        />
      </Center>
    );
  }
  return (
    <>
      <ThemeSync theme={settings.data.theme} />
      <SyncProvider>
        <HotLeadsProvider>
          <Shell page={route.page}>
            <PageView route={route} />
          </Shell>
        </HotLeadsProvider>
      </SyncProvider>
    </>
  );
}

function PageView({ route }: { route: Route }) {
  switch (route.page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'sessions':
      return <SessionsPage route={route} />;
    case 'leads':
      return <LeadsPage />;
    case 'reports':
      return <ReportsPage route={route} />;
    case 'settings':
      return <SettingsPage />;
  }
}
