import type { EventPayload } from '../../../../shared/contract';
import { priorityLabel } from '../../lib/priorities';

type Raised = EventPayload<'lead.priorityRaised'>;

/** "Dana Cruz is now a critical lead": who, and how hot, in the first words. */
export function leadAlertTitle(event: Raised): string {
  const name = event.visitorName?.trim() || 'An anonymous visitor';
  const level =
    event.to === 'critical' ? 'critical' : `${priorityLabel[event.to].toLowerCase()}-priority`;
  return `${name} is now a ${level} lead`;
}

export function leadAlertMessage(event: Raised): string {
  return event.from
    ? `Up from ${priorityLabel[event.from].toLowerCase()} priority.`
    : `First scored at ${priorityLabel[event.to].toLowerCase()} priority.`;
}
