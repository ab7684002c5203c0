import { Anchor, Notification, Portal, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFlame, IconInfoCircle } from '@tabler/icons-react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import classes from './notifications.module.css';

export type NotificationKind = 'error' | 'success' | 'info' | 'hot';

export interface NotifyInput {
  kind: NotificationKind;
  title: string;
  message: string;
  /** A link the notification leads to (a hash route); clicking anywhere on it follows it. */
  action?: { label: string; href: string };
  /** How long it stays; errors default to staying until dismissed. */
  autoCloseMs?: number | false;
}

interface Item extends NotifyInput {
  id: number;
}

type Notify = (input: NotifyInput) => void;

const NotifyContext = createContext<Notify>(() => undefined);

/** Shows a transient message; errors stay until dismissed, others fade after a few seconds. */
export function useNotify(): Notify {
  return useContext(NotifyContext);
}

const style: Record<NotificationKind, { color: string; icon: ReactNode }> = {
  error: { color: 'red', icon: <IconAlertTriangle size={18} aria-hidden /> },
  success: { color: 'teal', icon: <IconCheck size={18} aria-hidden /> },
  info: { color: 'blue', icon: <IconInfoCircle size={18} aria-hidden /> },
  hot: { color: 'orange.8', icon: <IconFlame size={18} aria-hidden /> },
};

const AUTO_CLOSE_MS = 6000;
const MAX_VISIBLE = 4;

/**
 * A small notification stack. @mantine/notifications is not a dependency, and this needs
 * only a list, a timer and Mantine's Notification component.
 */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<Item[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setItems((current) => current.filter((item) => item.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const notify = useCallback<Notify>(
    (input) => {
      const id = nextId.current++;
      setItems((current) => [...current, { ...input, id }].slice(-MAX_VISIBLE));
      const closeAfter = input.autoCloseMs ?? (input.kind === 'error' ? false : AUTO_CLOSE_MS);
      if (closeAfter !== false)
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), closeAfter),
        );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const value = useMemo(() => notify, [notify]);

  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Portal>
        <Stack
          gap="sm"
          pos="fixed"
          bottom={16}
          right={16}
          w={380}
          maw="calc(100vw - 32px)"
          style={{ zIndex: 400 }}
          aria-live="polite"
        >
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onDismiss={() => dismiss(item.id)} />
          ))}
        </Stack>
      </Portal>
    </NotifyContext.Provider>
  );
}

function NotificationItem({ item, onDismiss }: { item: Item; onDismiss: () => void }) {
  const { action } = item;
  // The link is the keyboard and screen-reader way in; a click anywhere else on the card
  // does the same for the mouse, as a desktop notification would.
  const followAction = (event: MouseEvent<HTMLDivElement>) => {
    if (!action) return;
    const target = event.target as HTMLElement;
    if (target.closest('button')) return;
    if (!target.closest('a')) window.location.hash = action.href;
    onDismiss();
  };
  return (
    <Notification
      title={item.title}
      color={style[item.kind].color}
      icon={style[item.kind].icon}
      withBorder
      role={item.kind === 'error' ? 'alert' : 'status'}
      onClose={onDismiss}
      closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
      // Mantine's description grey is below 4.5:1; the app's dimmed colour is not.
      styles={{ description: { color: 'var(--mantine-color-dimmed)' } }}
      onClick={followAction}
      className={action ? classes.actionable : undefined}
      data-kind={item.kind}
    >
      {item.message}
      {action && (
        <Anchor href={action.href} size="sm" fw={600} display="block" mt={4}>
          {action.label}
        </Anchor>
      )}
    </Notification>
  );
}
