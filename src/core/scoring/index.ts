export {
  scoreSession,
  type LeadScore,
  type ScoreInput,
  type ScoreMessage,
  type ScoreReason,
} from './score';
export {
  hotPriorities,
  isHot,
  isPriority,
  priorities,
  priorityForScore,
  priorityRank,
} from './priority';
export {
  SCORING_VERSION,
  contactRule,
  engagementRules,
  intentRules,
  priorityThresholds,
} from './rules';
