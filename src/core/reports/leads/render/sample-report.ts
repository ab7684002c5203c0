import type { LeadReport, LeadReportType } from '../../../../shared/lead-report';
import { leadReportSchema } from '../../../../shared/lead-report';

/**
 * Reports made by hand, for template validation, the live preview and tests: the numbers
 * are consistent (statuses add up to created, completed ≤ calls, the funnel narrows) so a
 * template author sees what a real week looks like. Not demo data: nothing here is stored.
 */

const GYM = '3f6c1a52-8d0e-4c57-9a43-1b2f8e6d7c90';
const BRANCH = '8a1d2e3f-4b5c-4d6e-8f70-9a1b2c3d4e5f';

/** Calls per local hour on a typical day: quiet nights, a morning and an evening peak. */
const HOURLY = [0, 0, 0, 0, 0, 0, 1, 3, 6, 9, 11, 8, 5, 7, 9, 10, 8, 12, 14, 9, 4, 2, 0, 0];

/** A week's calls per staff member (a day is a seventh): 826 calls, 545 completed. */
const STAFF = [
  {
    user_id: '5d2b8f9e-1c4a-4e7b-9f3d-2a6c8e1b4d70',
    calls: 212,
    completed: 161,
    interested: 41,
    avg: 214,
  },
  {
    user_id: 'c41e7a23-9b6d-4f08-8e2c-7d5a1f3b9e62',
    calls: 196,
    completed: 133,
    interested: 32,
    avg: 188,
  },
  {
    user_id: '9e0f3c7b-2d5a-4b81-a6c4-3f8e2d1a7b59',
    calls: 168,
    completed: 110,
    interested: 25,
    avg: 241,
  },
  {
    user_id: '1a7c9e2f-6b3d-4c5e-8f1a-4d7b2e9c6a38',
    calls: 143,
    completed: 86,
    interested: 14,
    avg: 163,
  },
  {
    user_id: 'f8b2d4e6-3a1c-4e9f-b7d5-6c2a8e4f1b07',
    calls: 107,
    completed: 55,
    interested: 6,
    avg: 97,
  },
] as const;

function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function trend(now: number, before: number): LeadReport['trends']['leads_created'] {
  if (before === 0) return { change_pct: null, direction: now > 0 ? 'up' : 'flat' };
  const change = ((now - before) / before) * 100;
  return { change_pct: change, direction: change > 1 ? 'up' : change < -1 ? 'down' : 'flat' };
}

function period(type: LeadReportType): LeadReport['period'] {
  if (type === 'daily') {
    return {
      start: '2026-11-22T00:00:00.000+00:00',
      end: '2026-11-23T00:00:00.000+00:00',
      timezone: 'Europe/London',
    };
  }
  return {
    start: '2026-11-16T00:00:00.000+00:00',
    end: '2026-11-23T00:00:00.000+00:00',
    timezone: 'Europe/London',
  };
}

/** A busy, healthy period: every chart and table has something to show. */
export function sampleLeadReport(type: LeadReportType = 'weekly'): LeadReport {
  // A day is about a seventh of the week, rounded so the numbers stay whole.
  const scale = type === 'daily' ? 1 / 7 : 1;
  const n = (x: number) => Math.round(x * scale);
  const hourly = HOURLY.map((calls) => n(calls * 7));
  const staffScale = (x: number) => Math.max(type === 'daily' ? 0 : 1, n(x));
  const staff = STAFF.map((s) => {
    const calls = staffScale(s.calls);
    const completed = Math.min(calls, staffScale(s.completed));
    return {
      user_id: s.user_id,
      calls,
      completed,
      success_rate: rate(completed, calls),
      interested: Math.min(completed, n(s.interested)),
      avg_duration_s: completed === 0 ? null : s.avg,
    };
  }).filter((s) => s.calls > 0);
  const total = hourly.reduce((a, b) => a + b, 0);
  const completedTotal = Math.round(total * 0.66);
  let left = completedTotal;
  const timeOfDay = hourly.map((calls, hour) => {
    const completed = Math.min(calls, left, Math.round(calls * 0.66 + (hour % 3 === 0 ? 1 : 0)));
    left -= completed;
    return { hour, calls, completed, success_rate: rate(completed, calls) };
  });
  const completed = timeOfDay.reduce((a, h) => a + h.completed, 0);
  const missed = Math.round((total - completed) * 0.7);
  const byStatus = { new: n(41), contacted: n(33), qualified: n(18), converted: n(12), lost: n(9) };
  const created = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const converted = n(14);
  const previous = {
    leads: {
      created: n(97),
      by_status: { new: n(30), contacted: n(31), qualified: n(16), converted: n(11), lost: n(9) },
      converted: n(11),
      conversion_rate: rate(n(11), n(97)),
    },
    calls: {
      total: n(761),
      by_status: { completed: n(487), missed: n(201), failed: n(73) },
      success_rate: rate(n(487), n(761)),
      by_outcome: {
        interested: n(96),
        not_interested: n(231),
        callback: n(122),
        wrong_number: n(38),
      },
      avg_duration_s: 176,
    },
  };
  const outcomes = {
    interested: n(118),
    not_interested: n(242),
    callback: n(131),
    wrong_number: n(36),
    voicemail: n(18),
  };
  const report: LeadReport = {
    report_type: type,
    gym_id: GYM,
    branch_id: BRANCH,
    period: period(type),
    leads: { created, by_status: byStatus, converted, conversion_rate: rate(converted, created) },
    calls: {
      total,
      by_status: { completed, missed, failed: total - completed - missed },
      success_rate: rate(completed, total),
      by_outcome: outcomes,
      avg_duration_s: completed === 0 ? null : 197.4,
    },
    time_of_day: timeOfDay,
    staff,
    funnel: {
      created,
      contacted: created - byStatus.new,
      qualified: byStatus.qualified + byStatus.converted,
      converted: byStatus.converted,
    },
    previous,
    trends: {
      leads_created: trend(created, previous.leads.created),
      calls_total: trend(total, previous.calls.total),
      success_rate: trend(rate(completed, total) ?? 0, previous.calls.success_rate ?? 0),
      converted: trend(converted, previous.leads.converted),
    },
  };
  return leadReportSchema.parse(report);
}

const zeroLeads = () => ({
  created: 0,
  by_status: { new: 0, contacted: 0, qualified: 0, converted: 0, lost: 0 },
  converted: 0,
  conversion_rate: null,
});
const zeroCalls = () => ({
  total: 0,
  by_status: { completed: 0, missed: 0, failed: 0 },
  success_rate: null,
  by_outcome: {},
  avg_duration_s: null,
});

/** A period with nothing in it: every rate null, no staff. Templates must survive it too. */
export function emptyLeadReport(type: LeadReportType = 'daily'): LeadReport {
  const flat = { change_pct: null, direction: 'flat' as const };
  return leadReportSchema.parse({
    report_type: type,
    gym_id: GYM,
    branch_id: null,
    period: period(type),
    leads: zeroLeads(),
    calls: zeroCalls(),
    time_of_day: Array.from({ length: 24 }, (_, hour) => ({
      hour,
      calls: 0,
      completed: 0,
      success_rate: null,
    })),
    staff: [],
    funnel: { created: 0, contacted: 0, qualified: 0, converted: 0 },
    previous: { leads: zeroLeads(), calls: zeroCalls() },
    trends: { leads_created: flat, calls_total: flat, success_rate: flat, converted: flat },
  });
}
