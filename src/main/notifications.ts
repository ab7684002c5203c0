/**
 * Native notifications for core's 'lead.priorityRaised': a manager sees a hot lead even
 * with the window closed (the app keeps running in the tray). Clicking one opens the
 * window on that session.
 */
import { Notification } from 'electron';
import { events, type EventName } from '../shared/contract';
import { AlertOnce, priorityAlertText } from './priority-alerts';

export interface PriorityNotifierOptions {
  icon?: string;
  onOpenSession(sessionId: string): void;
}

export function createPriorityNotifier(options: PriorityNotifierOptions) {
  const once = new AlertOnce();
  // Electron drops a notification's click handler if the object is garbage-collected
  // while it is still on screen: hold on to it until it is clicked or closed.
  const live = new Set<Notification>();

  return function handle(event: EventName, payload: unknown): void {
    if (event !== 'lead.priorityRaised' || !Notification.isSupported()) return;
    const parsed = events['lead.priorityRaised'].safeParse(payload);
    if (!parsed.success) return;
    const raised = parsed.data;
    if (!once.take(raised.sessionId, raised.to)) return;

    const { title, body } = priorityAlertText(raised);
    const notification = new Notification({
      title,
      body,
      ...(options.icon ? { icon: options.icon } : {}),
      urgency: raised.to === 'critical' ? 'critical' : 'normal',
    });
    const release = () => live.delete(notification);
    notification.on('click', () => {
      release();
      options.onOpenSession(raised.sessionId);
    });
    notification.on('close', release);
    live.add(notification);
    notification.show();
  };
}

/** Asks the page to open a session (a notification was clicked). */
export function requestOpenSession(
  push: (event: EventName, payload: unknown) => boolean,
  sessionId: string,
): boolean {
  return push('app.openSession', { sessionId });
}
