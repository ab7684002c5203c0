import { Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useAppInfo, useSessions, useSettings } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import type { Route } from '../../router/route';
import { navigate } from '../../router/router';
import { DemoOffer } from '../demo/DemoOffer';
import { SyncNowButton } from '../sync/SyncNowButton';
import { SessionDetailPane, NoSessionSelected } from './SessionDetailPane';
import { SessionFilters } from './SessionFilters';
import { SessionList } from './SessionList';
import classes from './Sessions.module.css';
import { useSearchText } from './use-search-text';

type SessionsRoute = Route & { page: 'sessions' };

/** Split view: the searchable, virtualised list on the left, the open session on the right. */
export function SessionsPage({ route }: { route: Route }) {
  const info = useAppInfo();
  const settings = useSettings();
  if (info.data?.isEmpty) {
    return (
      <Stack maw={900}>
        <PageHeader
          title="Sessions"
          description="Every chat session in the local store, searchable by what was said."
          // An empty store may only be waiting for its first sync.
          actions={<SyncNowButton size="sm" />}
        />
        <DemoOffer welcome={!settings.data?.demoOffered} />
      </Stack>
    );
  }
  return <SessionsWorkspace route={{ ...route, page: 'sessions' }} />;
}

function SessionsWorkspace({ route }: { route: SessionsRoute }) {
  const go = useCallback(
    (patch: Partial<SessionsRoute>, replace = true) =>
      navigate({ ...route, ...patch }, { replace }),
    [route],
  );
  const [text, setText] = useSearchText(route.query, (query) => go({ query }));
  const filter = { query: route.query, source: route.source, priority: route.priority };
  const sessions = useSessions(filter);
  const items = sessions.data?.pages.flatMap((page) => page.items) ?? [];
  const total = sessions.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(route.query || route.source || route.priority);
  const { fetchNextPage } = sessions;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const info = useAppInfo();
  const clearSearch = () => {
    setText('');
    go({ query: undefined, source: undefined, priority: undefined });
  };
  const noMatch = filtered && !sessions.isPending && !sessions.error && items.length === 0;

  return (
    <div className={classes.layout} data-detail-open={route.sessionId ? '' : undefined}>
      <div className={classes.listPane}>
        <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
          <Group justify="space-between" align="baseline">
            <Title order={1} fz={26}>
              Sessions
            </Title>
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" c="dimmed" aria-live="polite" data-testid="session-total">
                {sessions.isPending
                  ? 'Loading…'
                  : filtered
                    ? `${formatNumber(total)} ${total === 1 ? 'match' : 'matches'}`
                    : `${formatNumber(total)} ${total === 1 ? 'session' : 'sessions'}`}
              </Text>
              <SyncNowButton />
            </Group>
          </Group>
          <SessionFilters
            text={text}
            onText={setText}
            source={route.source}
            onSource={(source) => go({ source })}
            priority={route.priority}
            onPriority={(priority) => go({ priority })}
          />
          {sessions.error && (
            <ErrorAlert
              title="Could not list sessions"
              error={sessions.error}
              onRetry={() => void sessions.refetch()}
            />
          )}
          {sessions.isPending ? (
            <Stack gap="xs">
              {Array.from({ length: 8 }, (_, i) => (
                <Skeleton key={i} h={58} />
              ))}
            </Stack>
          ) : items.length === 0 && !sessions.error ? (
            <Stack gap="xs" p="md" align="flex-start">
              <Text fw={600}>
                {route.query ? `No session matches “${route.query}”` : 'No session matches'}
              </Text>
              <Text size="sm" c="dimmed">
                {route.query
                  ? `Nothing mentions “${route.query}” with these filters.`
                  : 'No session has this source and priority.'}
              </Text>
              <Button variant="light" size="xs" onClick={clearSearch}>
                Clear search and filters
              </Button>
            </Stack>
          ) : (
            <SessionList
              // A new search or filter starts a new list: cursor and scroll go back to the top.
              key={JSON.stringify(filter)}
              items={items}
              total={total}
              hasMore={Boolean(sessions.hasNextPage)}
              loadingMore={sessions.isFetchingNextPage}
              onLoadMore={loadMore}
              selectedId={route.sessionId}
              onOpen={(sessionId) => go({ sessionId }, false)}
              onClose={() => go({ sessionId: undefined }, false)}
              searching={Boolean(route.query)}
            />
          )}
        </Stack>
      </div>
      <div className={classes.detailPane}>
        {route.sessionId ? (
          <SessionDetailPane
            key={route.sessionId}
            id={route.sessionId}
            onClose={() => go({ sessionId: undefined }, false)}
          />
        ) : (
          <NoSessionSelected
            hasSessions={items.length > 0}
            search={
              noMatch
                ? { query: route.query, sessionsInStore: info.data?.counts.sessions ?? 0 }
                : null
            }
          />
        )}
      </div>
    </div>
  );
}
