import type { Priority } from '../../shared/contract';
import { priorityThresholds } from './rules';

export const priorities: readonly Priority[] = ['low', 'medium', 'high', 'critical'];

/** low 0 … critical 3; no priority at all ranks below low. */
export function priorityRank(priority: Priority | null): number {
  return priority === null ? -1 : priorities.indexOf(priority);
}

/** The levels that deserve a hot-lead notification. */
export const hotPriorities: readonly Priority[] = ['high', 'critical'];

export function isHot(priority: Priority | null): priority is 'high' | 'critical' {
  return priority === 'high' || priority === 'critical';
}

export function priorityForScore(score: number): Priority {
  for (const t of priorityThresholds) if (score >= t.minScore) return t.priority;
  return 'low';
}

export function isPriority(text: string): text is Priority {
  return (priorities as readonly string[]).includes(text);
}
