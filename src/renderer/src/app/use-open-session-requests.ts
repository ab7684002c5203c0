import { useEvent } from '../api/events';
import { navigate } from '../router/router';

/**
 * The desktop shell asks for a session when its tray notification is clicked: show it,
 * wherever the window was. Filters are dropped so nothing hides the session it opens.
 */
export function useOpenSessionRequests(): void {
  useEvent('app.openSession', ({ sessionId }) => navigate({ page: 'sessions', sessionId }));
}
