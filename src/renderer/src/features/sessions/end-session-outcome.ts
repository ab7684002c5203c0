import type { Output } from '../../../../shared/contract';
import type { AdviceOverrides } from '../../lib/error-advice';

export type EndOutcome = Output<'sessions.endNow'>['outcome'];

/** What each outcome the contract promises means to the person who pressed the button. */
export const outcomeText: Record<
  EndOutcome,
  { title: string; message: string; color: string; tone: 'success' | 'neutral' | 'warning' }
> = {
  sent: {
    title: 'Report sent ✓',
    message: 'The PDF report was mailed to the report recipients and the session is now finalized.',
    color: 'teal',
    tone: 'success',
  },
  already_finalized: {
    title: 'Report already sent',
    message:
      'This session was finalized earlier and its report already went out, so nothing was sent again.',
    color: 'blue',
    tone: 'neutral',
  },
  busy: {
    title: 'Another instance is sending it',
    message:
      'Another Leadwatch instance (or the inactivity monitor) is sending this report right now. It goes out once; check back in a minute.',
    color: 'orange',
    tone: 'warning',
  },
  pdf_only: {
    title: 'PDF made, not mailed',
    message:
      'Mail is not set up, so nothing was sent and the session stays open. Its PDF report is saved here:',
    color: 'yellow',
    tone: 'warning',
  },
  skipped_empty: {
    title: 'Nothing to report',
    message:
      'This session has no visitor details and no messages, so no report was made and nothing was sent.',
    color: 'gray',
    tone: 'neutral',
  },
};

/** A failed send-now changed nothing: say so, and where a missing piece is set. */
export const endSessionAdvice: AdviceOverrides = {
  unavailable:
    'Nothing was sent and the session was not finalized. Sending needs the session’s source (Redis or PostgreSQL) connected, a mail server (SMTP) and report recipients, all set in Settings; check them (or run “leadwatch doctor”) and try again.',
  not_found: 'This session is no longer in the local store, so there is nothing to report.',
  internal:
    'The report was not sent and the session stays open, so the inactivity monitor will try again. You can also try again now.',
};
