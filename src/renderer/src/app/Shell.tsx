import { AppShell, Burger, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { useAppInfo } from '../api/hooks';
import { HotLeadsButton } from '../features/hot-leads/HotLeadsButton';
import { SyncStatusIndicator } from '../features/sync/SyncStatusIndicator';
import type { Page } from '../router/route';
import { GlobalSearch } from './GlobalSearch';
import { Navigation } from './Navigation';
import classes from './Shell.module.css';
import { ThemeToggle } from './ThemeToggle';
import { useGlobalShortcuts } from './use-shortcuts';

export const HEADER_HEIGHT = 60;

/** Header (brand, search, theme), left navigation, and the current page as <main>. */
export function Shell({ page, children }: { page: Page; children: ReactNode }) {
  const [navOpen, nav] = useDisclosure(false);
  const searchRef = useRef<HTMLInputElement>(null);
  useGlobalShortcuts(searchRef);
  // On narrow windows the navbar is a drawer: close it once a page is chosen.
  useEffect(() => nav.close(), [page, nav]);

  return (
    <AppShell
      header={{ height: HEADER_HEIGHT }}
      navbar={{ width: 236, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <a href="#main" className={classes.skipLink} onClick={skipToMain}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap">
          <Burger
            opened={navOpen}
            onClick={nav.toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={navOpen ? 'Close navigation' : 'Open navigation'}
          />
          <a href="#/dashboard" className={classes.brand} aria-label="Leadwatch dashboard">
            <img src="./icon.svg" alt="" />
            <Text component="span" fw={700} fz="lg">
              Leadwatch
            </Text>
          </a>
          <GlobalSearch inputRef={searchRef} />
          <Group ml="auto" gap="sm" wrap="nowrap">
            <HotLeadsButton />
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow>
          <Navigation current={page} />
        </AppShell.Section>
        <AppShell.Section>
          <Stack gap={6}>
            <SyncStatusIndicator />
            <StoreFooter />
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} style={{ outline: 'none' }}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  // '#main' would be read as a route by the hash router: move focus instead of navigating.
  event.preventDefault();
  document.getElementById('main')?.focus();
}

function StoreFooter() {
  const info = useAppInfo();
  if (!info.data) return null;
  return (
    <Text size="xs" c="dimmed" px="xs" title={info.data.databasePath}>
      Leadwatch v{info.data.version}
    </Text>
  );
}
