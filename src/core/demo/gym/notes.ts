import type { Rng } from '../random';
import type { CallOutcome } from '../types';

const plans = [
  'the monthly plan',
  'the annual membership',
  'the family plan',
  'student pricing',
  'personal training packages',
  'the 10-class pass',
];
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const times = ['9am', '11am', 'noon', '5:30pm', '6pm', '7pm'];

/** What staff jot down after a call: short, specific, a little inconsistent. */
const templates: Record<CallOutcome | 'failed', readonly ((rng: Rng) => string)[]> = {
  interested: [
    (r) => `Asked about ${r.pick(plans)}. Sent pricing by text.`,
    (r) =>
      `Interested, wants to try a class first. Mentioned ${r.pick(['yoga', 'spin', 'HIIT', 'the pool', 'boxing'])}.`,
    () => 'Keen but comparing with another gym nearby. Follow up with the promo.',
    (r) =>
      `Good chat, goal is ${r.pick(['weight loss', 'marathon training', 'getting back in shape', 'strength'])}. Will think it over.`,
  ],
  not_interested: [
    () => 'Not interested - signed up elsewhere.',
    () => 'Moved out of the area.',
    (r) => `Too expensive for now, asked about ${r.pick(plans)} but declined.`,
    () => 'Asked to be removed from call list.',
  ],
  callback: [
    (r) => `Busy at work, call back ${r.pick(days)} after ${r.pick(times)}.`,
    () => 'Driving, asked for a callback tomorrow.',
    () => 'Wants to check schedule with partner first. Callback next week.',
  ],
  voicemail: [
    () => 'Left voicemail about the free trial pass.',
    (r) => `Left VM re: ${r.pick(plans)}.`,
    () => 'Voicemail, sent follow-up text.',
  ],
  booked_tour: [
    (r) => `Booked tour ${r.pick(days)} ${r.pick(times)}.`,
    (r) => `Booked tour + free session with a trainer on ${r.pick(days)}.`,
    (r) => `Tour booked, bringing a friend. Interested in ${r.pick(plans)}.`,
  ],
  wrong_number: [() => 'Wrong number.', () => 'Number belongs to someone else, lead email only.'],
  no_answer: [
    () => 'No answer',
    () => 'Rang out, no voicemail set up.',
    () => 'No answer, will retry.',
  ],
  failed: [
    () => 'Call dropped.',
    () => 'Number unreachable.',
    () => 'Line busy, failed to connect.',
  ],
};

export function callNote(rng: Rng, outcome: CallOutcome | 'failed'): string | null {
  if (outcome !== 'failed' && rng.chance(0.12)) return null;
  return rng.pick(templates[outcome])(rng);
}
