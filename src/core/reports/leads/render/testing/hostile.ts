import type { LeadReport } from '../../../../../shared/lead-report';
import { sampleLeadReport } from '../sample-report';

/** Text someone with write access to the team database might put in ids and outcomes. */
export const HOSTILE_ID = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
export const HOSTILE_OUTCOME = '<b>bold</b>{{x}}';

/** The sample weekly report with markup in the strings that come from the database. */
export function hostileReport(port: number): LeadReport {
  const report = sampleLeadReport('weekly');
  const staff = report.staff[0];
  if (staff) staff.user_id = HOSTILE_ID;
  report.gym_id = `<img src="http://127.0.0.1:${port}/gym.png">Gym`;
  report.calls.by_outcome = { ...report.calls.by_outcome, [HOSTILE_OUTCOME]: 3 };
  return report;
}
