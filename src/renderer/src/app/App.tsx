import { Center, Loader, MantineProvider } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import type { EventPayload } from '../../../shared/contract';
import { usePriorityRaised, useStoreChangedInvalidation } from '../api/events';
import { useSettings } from '../api/hooks';
import { createQueryClient } from '../api/query-client';
import { ErrorAlert } from '../components/ErrorAlert';
import { NotificationsProvider, useNotify } from '../components/notifications';
import { DashboardPage } from '../features/dashboard/DashboardPage';
import { LeadsPage } from '../features/leads/LeadsPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SessionsPage } from '../features/sessions/SessionsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { priorityLabel } from '../lib/priorities';
import type { Route } from '../router/route';
import { useRoute } from '../router/router';
import { NAV_ITEMS } from './nav-items';
import { Shell } from './Shell';
import { cssVariablesResolver, memoryColorSchemeManager, theme } from './theme';
import { ThemeSync } from './ThemeSync';

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
      <Shell page={route.page}>
        <PageView route={route} />
      </Shell>
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
      return <ReportsPage />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** A lead turning hot is worth interrupting for, wherever the reviewer is in the app. */
function useLeadAlerts() {
  const notify = useNotify();
  const onRaised = useCallback(
    (event: EventPayload<'lead.priorityRaised'>) =>
      notify({
        kind: 'info',
        title: `Lead is now ${priorityLabel[event.to].toLowerCase()} priority`,
        message: `${event.visitorName ?? 'An anonymous visitor'} (${event.sessionId})`,
      }),
    [notify],
  );
  usePriorityRaised(onRaised);
}
