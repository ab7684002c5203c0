/**
 * Hand-made leads and calls whose reports are computed by hand in report.test.ts. Times
 * are UTC; the comments give Europe/London local time, which is where the edges are:
 * 2026-03-29 has 23 hours (01:00 GMT → 02:00 BST), 2026-10-25 has 25 (01:00-02:00 twice).
 */
export const GYM = '11111111-1111-4111-8111-111111111111';
export const OTHER_GYM = '22222222-2222-4222-8222-222222222222';
export const B1 = 'b1b1b1b1-0000-4000-8000-000000000001';
export const B2 = 'b2b2b2b2-0000-4000-8000-000000000002';
// Ids chosen so that ordering by id alone would give a different staff order.
export const U1 = 'aaaaaaaa-0000-4000-8000-000000000001';
export const U2 = 'bbbbbbbb-0000-4000-8000-000000000002';
export const U3 = 'cccccccc-0000-4000-8000-000000000003';
export const U4 = '99999999-0000-4000-8000-000000000004';

export interface FixtureLead {
  id: string;
  gym_id: string;
  branch_id: string;
  lead_status: string;
  created_at: string;
  updated_at: string;
}

export interface FixtureCall {
  id: string;
  lead_id: string | null;
  gym_id: string;
  branch_id: string;
  user_id: string | null;
  status: string;
  outcome: string | null;
  duration: number | null;
  created_at: string;
}

const uuid = (prefix: string, n: number) =>
  `${prefix}000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function lead(
  n: number,
  status: string,
  created: string,
  updated = created,
  branch = B1,
  gym = GYM,
): FixtureLead {
  return {
    id: uuid('1e', n),
    gym_id: gym,
    branch_id: branch,
    lead_status: status,
    created_at: created,
    updated_at: updated,
  };
}

function call(
  n: number,
  at: string,
  user: string | null,
  status: string,
  outcome: string | null,
  duration: number | null,
  branch = B1,
  gym = GYM,
): FixtureCall {
  return {
    id: uuid('ca', n),
    lead_id: null,
    gym_id: gym,
    branch_id: branch,
    user_id: user,
    status,
    outcome,
    duration,
    created_at: at,
  };
}

export const fixtureLeads: FixtureLead[] = [
  lead(1, 'new', '2026-03-29T09:00:00.000Z'),
  lead(2, 'contacted', '2026-03-29T10:00:00.000Z'),
  lead(3, 'qualified', '2026-03-29T11:00:00.000Z', undefined, B2),
  lead(4, 'converted', '2026-03-29T12:00:00.000Z', '2026-03-29T15:00:00.000Z'),
  lead(5, 'lost', '2026-03-29T13:00:00.000Z'),
  // 23:30Z on the 29th is 00:30 BST on the 30th: outside the London day, inside the UTC one.
  lead(6, 'new', '2026-03-29T23:30:00.000Z'),
  // Created the week before, converted at 23:30 BST on the 29th: converted, not created.
  lead(7, 'converted', '2026-03-20T10:00:00.000Z', '2026-03-29T22:30:00.000Z'),
  // Created 23:30 GMT on the 28th (previous day), converted 00:30 BST on the 30th.
  lead(8, 'converted', '2026-03-28T23:30:00.000Z', '2026-03-29T23:30:00.000Z'),
  lead(9, 'contacted', '2026-03-28T12:00:00.000Z', undefined, B2),
  lead(10, 'converted', '2026-03-29T12:00:00.000Z', undefined, B1, OTHER_GYM),
];

export const fixtureCalls: FixtureCall[] = [
  // 2026-03-29, London (23 h): 00:00Z .. 23:00Z.
  call(1, '2026-03-29T00:30:00.000Z', U1, 'completed', 'interested', 100), // 00:30 GMT
  call(2, '2026-03-29T01:30:00.000Z', U1, 'completed', 'callback', 200), // 02:30 BST
  call(3, '2026-03-29T22:30:00.000Z', U2, 'missed', 'no_answer', 0), // 23:30 BST
  call(4, '2026-03-29T23:30:00.000Z', U1, 'completed', 'interested', 40), // 00:30 BST, the 30th
  call(6, '2026-03-29T12:00:00.000Z', U3, 'failed', null, null), // 13:00 BST
  call(7, '2026-03-29T12:15:00.000Z', U2, 'completed', 'not_interested', 50), // 13:15 BST
  call(8, '2026-03-29T10:00:00.000Z', U3, 'completed', 'interested', 300, B2), // 11:00 BST
  call(9, '2026-03-29T15:00:00.000Z', null, 'missed', null, null), // 16:00 BST, no caller
  call(10, '2026-03-29T14:00:00.000Z', U4, 'completed', 'callback', 30), // 15:00 BST
  call(11, '2026-03-29T14:10:00.000Z', U4, 'missed', null, 0), // 15:10 BST
  call(12, '2026-03-29T14:20:00.000Z', U4, 'missed', 'no_answer', 0), // 15:20 BST
  call(20, '2026-03-29T12:00:00.000Z', U1, 'completed', 'interested', 999, B1, OTHER_GYM),
  // 2026-03-28 (previous day).
  call(5, '2026-03-28T23:30:00.000Z', U1, 'completed', 'interested', 60), // 23:30 GMT
  call(13, '2026-03-28T10:00:00.000Z', U2, 'missed', null, null), // 10:00 GMT
  // The week before the week ending 2026-03-29.
  call(14, '2026-03-17T12:00:00.000Z', U1, 'completed', 'interested', 120),
  // 2026-10-25, London (25 h): 2026-10-24T23:00Z .. 2026-10-26T00:00Z.
  call(31, '2026-10-25T00:30:00.000Z', U1, 'completed', 'interested', 100), // 01:30 BST
  call(32, '2026-10-25T01:30:00.000Z', U2, 'completed', 'callback', 50), // 01:30 GMT
  call(33, '2026-10-24T23:10:00.000Z', U1, 'missed', null, 0), // 00:10 BST on the 25th
  call(34, '2026-10-25T23:30:00.000Z', U2, 'failed', null, null), // 23:30 GMT
  call(35, '2026-10-24T22:30:00.000Z', U1, 'completed', 'interested', 10), // 23:30 BST, 24th
  call(36, '2026-10-18T23:30:00.000Z', U2, 'missed', null, 0), // 00:30 BST on the 19th
  call(37, '2026-10-18T22:30:00.000Z', U1, 'completed', 'interested', 20), // 23:30 BST, 18th
];
