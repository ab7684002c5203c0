import { Loader } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionSummary } from '../../../../shared/contract';
import { SessionRowContent } from './SessionRow';
import classes from './Sessions.module.css';

interface Props {
  items: SessionSummary[];
  /** Every matching session, loaded or not: what screen readers announce as the set size. */
  total: number;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  selectedId: string | undefined;
  onOpen: (id: string) => void;
  onClose: () => void;
  searching: boolean;
}

const optionId = (index: number) => `session-option-${index}`;

/**
 * A virtualised listbox: only the rows in view (plus a few) are in the DOM, so 100,000
 * sessions scroll like 100. Focus stays on the list and the active row is announced through
 * aria-activedescendant; ↑/↓/Home/End/PageUp/PageDown move, Enter opens, Escape closes.
 */
export function SessionList({
  items,
  total,
  hasMore,
  loadingMore,
  onLoadMore,
  selectedId,
  onOpen,
  onClose,
  searching,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      items.findIndex((s) => s.id === selectedId),
    ),
  );

  // Follow the opened session when it changes from outside (a deep link, the dashboard).
  const [seenSelected, setSeenSelected] = useState(selectedId);
  if (selectedId !== seenSelected) {
    setSeenSelected(selectedId);
    const index = items.findIndex((s) => s.id === selectedId);
    if (index >= 0) setActive(index);
  }
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  // No React Compiler in this build; the virtualizer is meant to re-render the list on scroll.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => (searching ? 96 : 66),
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? 'loader',
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastVisible = virtualItems.at(-1)?.index ?? 0;

  // Infinite scroll: when the loader row (one past the last item) comes into view, fetch on.
  useEffect(() => {
    if (hasMore && !loadingMore && lastVisible >= items.length - 1) onLoadMore();
  }, [hasMore, loadingMore, lastVisible, items.length, onLoadMore]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(items.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const pageSize = Math.max(1, virtualItems.length - 2);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(activeIndex + 1),
      ArrowUp: () => moveTo(activeIndex - 1),
      PageDown: () => moveTo(activeIndex + pageSize),
      PageUp: () => moveTo(activeIndex - pageSize),
      Home: () => moveTo(0),
      End: () => moveTo(items.length - 1),
      Enter: () => {
        const session = items[activeIndex];
        if (session) onOpen(session.id);
      },
      Escape: onClose,
    };
    const action = keys[event.key];
    if (action && items.length > 0) {
      event.preventDefault();
      action();
    }
  };

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      role="listbox"
      aria-label="Sessions"
      tabIndex={0}
      aria-activedescendant={items.length ? optionId(activeIndex) : undefined}
      onKeyDown={onKeyDown}
      data-testid="session-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((row) => {
          const session = items[row.index];
          if (!session) {
            return (
              <div
                key={row.key}
                className={classes.loaderRow}
                style={{ transform: `translateY(${row.start}px)` }}
                role="presentation"
              >
                {loadingMore && <Loader size="sm" aria-label="Loading more sessions" />}
              </div>
            );
          }
          return (
            <div
              key={row.key}
              id={optionId(row.index)}
              ref={virtualizer.measureElement}
              data-index={row.index}
              data-session-id={session.id}
              data-active={row.index === activeIndex || undefined}
              role="option"
              aria-selected={session.id === selectedId}
              aria-setsize={total}
              aria-posinset={row.index + 1}
              className={classes.row}
              style={{ transform: `translateY(${row.start}px)` }}
              onClick={() => {
                setActive(row.index);
                onOpen(session.id);
              }}
            >
              <SessionRowContent session={session} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
