import type { SessionSummary } from '../../../../shared/contract';

type VisitorFields = Pick<SessionSummary, 'visitorName' | 'email' | 'organization' | 'sourceId'>;

/** Most chat visitors never give a name; say so instead of showing a blank. */
export function visitorLabel(session: Pick<SessionSummary, 'visitorName'>): string {
  return session.visitorName?.trim() || 'Anonymous visitor';
}

/** Organisation and email when known, else the upstream session id, so rows stay tellable apart. */
export function visitorSubtitle(session: VisitorFields): string {
  const parts = [session.organization, session.email].filter((part): part is string =>
    Boolean(part?.trim()),
  );
  return parts.length ? parts.join(' · ') : `Session ${session.sourceId}`;
}
