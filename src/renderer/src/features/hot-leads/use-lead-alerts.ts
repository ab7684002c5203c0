import { useQueryClient } from '@tanstack/react-query';
import { useEvent } from '../../api/events';
import { useNotify } from '../../components/notifications';
import { formatRoute } from '../../router/route';
import { leadAlertMessage, leadAlertTitle } from './lead-alert-text';

/** How long a hot-lead alert stays; a critical one waits to be seen. */
const HIGH_ALERT_MS = 20_000;

/**
 * A lead turning hot is worth interrupting for, wherever the reviewer is in the app: an
 * in-app notification that opens the session, and fresh hot counts and lists.
 */
export function useLeadAlerts(): void {
  const notify = useNotify();
  const client = useQueryClient();
  useEvent('lead.priorityRaised', (event) => {
    notify({
      kind: 'hot',
      title: leadAlertTitle(event),
      message: leadAlertMessage(event),
      action: {
        label: 'Open session',
        href: formatRoute({ page: 'sessions', sessionId: event.sessionId }),
      },
      autoCloseMs: event.to === 'critical' ? false : HIGH_ALERT_MS,
    });
    void client.invalidateQueries({ queryKey: ['leads.hot'] });
    void client.invalidateQueries({ queryKey: ['sessions.list'] });
    void client.invalidateQueries({ queryKey: ['sessions.get', event.sessionId] });
  });
}
