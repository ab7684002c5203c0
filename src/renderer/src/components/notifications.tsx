import { Notification, Portal, Stack } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';

export type NotificationKind = 'error' | 'success' | 'info';

export interface NotifyInput {
  kind: NotificationKind;
  title: string;
  message: string;
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
      if (input.kind !== 'error')
        timers.current.set(
          id,
          setTimeout(() => dismiss(id), AUTO_CLOSE_MS),
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
            <Notification
              key={item.id}
              title={item.title}
              color={style[item.kind].color}
              icon={style[item.kind].icon}
              withBorder
              role={item.kind === 'error' ? 'alert' : 'status'}
              onClose={() => dismiss(item.id)}
              closeButtonProps={{ 'aria-label': 'Dismiss notification' }}
            >
              {item.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NotifyContext.Provider>
  );
}
