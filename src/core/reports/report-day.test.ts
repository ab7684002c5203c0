import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { lastReportDay } from '../../shared/report-day';

const errorOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message).join('; ') ?? '';

describe('report days at the contract', () => {
  const churn = (weekEnding: string) =>
    contract['reports.churn.generate'].input.safeParse({ clientId: 1, weekEnding });
  const leads = (params: Record<string, string>) =>
    contract['reports.leads.generate'].input.safeParse({ gymId: 'g', ...params });

  it('takes real days from 2000-01-01 to a year from today', () => {
    for (const day of ['2000-01-01', '2024-02-29', new Date().toISOString().slice(0, 10)]) {
      expect(churn(day).success, day).toBe(true);
      expect(leads({ type: 'daily', date: day }).success, day).toBe(true);
    }
    expect(churn(lastReportDay()).success).toBe(true);
  });

  it('refuses days before 2000, past next year and not on the calendar, in words', () => {
    const tooLate = new Date();
    tooLate.setUTCFullYear(tooLate.getUTCFullYear() + 2);
    const late = tooLate.toISOString().slice(0, 10);
    for (const day of ['0000-01-01', '1999-12-31', late, '9999-12-31']) {
      const result = churn(day);
      expect(result.success, day).toBe(false);
      expect(errorOf(result), day).toBe(
        `${day} is out of range: reports cover 2000-01-01 to ${lastReportDay()}`,
      );
    }
    expect(errorOf(churn('2025-02-30'))).toBe('2025-02-30 is not a calendar day');
    expect(errorOf(churn('2025-1-1'))).toBe('a date as YYYY-MM-DD');
  });

  it('bounds every date a lead report is asked for', () => {
    expect(leads({ type: 'daily', date: '0000-01-01' }).success).toBe(false);
    expect(leads({ type: 'weekly', date: '1900-06-01' }).success).toBe(false);
    expect(leads({ type: 'custom', start: '0000-01-01', end: '2025-01-01' }).success).toBe(false);
    expect(leads({ type: 'custom', start: '2025-01-01', end: '9999-01-01' }).success).toBe(false);
    expect(leads({ type: 'custom', start: '2025-01-01', end: '2025-01-31' }).success).toBe(true);
  });
});
