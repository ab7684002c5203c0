import { describe, expect, it } from 'vitest';
import { AppError } from '../../../rpc/errors';
import { builtinSource } from './engine';
import { renderLeadReportHtml } from './render';
import { sampleLeadReport } from './sample-report';
import { assertValidTemplate, validateTemplate } from './validate';

const refused = (body: string) => {
  const result = validateTemplate(body);
  if (result.valid) throw new Error('expected the template to be refused');
  return result;
};

describe('validateTemplate', () => {
  it('accepts the built-ins, a copy of them, and a small custom template', () => {
    expect(validateTemplate(builtinSource('lead-report-daily.hbs'), 'daily')).toEqual({
      valid: true,
    });
    expect(validateTemplate(builtinSource('lead-report-weekly.hbs'))).toEqual({ valid: true });
    const small = `<h1>{{title}}</h1>\n<p>{{period.label}}: {{number report.calls.total}} calls, {{percent report.calls.success_rate}} completed, {{duration report.calls.avg_duration_s}} avg, {{changePercent report.trends.calls_total.change_pct}}</p>`;
    expect(validateTemplate(small)).toEqual({ valid: true });
    const html = renderLeadReportHtml(sampleLeadReport('weekly'), {
      kind: 'custom',
      template: small,
    });
    expect(html).toContain('826 calls, 66 % completed, 3:17 avg, +8.5 %');
  });

  it('refuses a syntax error with its line', () => {
    const r = refused('<h1>{{title}}</h1>\n<p>ok</p>\n<p>{{period.label</p>\n');
    expect(r.line).toBe(3);
    expect(r.message).toMatch(/^line 3: syntax error/);
  });

  it('refuses an unclosed block, a mismatched block and a misspelt field with their lines', () => {
    expect(refused('a\n{{#each staff}}\n{{userId}}\n').message).toMatch(/ends before .* closed/);
    const mismatch = refused('a\nb\n{{#if hasStaff}}x{{/each}}');
    expect(mismatch.line).toBe(3);
    expect(mismatch.message).toContain("if doesn't match each");
    const field = refused('<h1>{{title}}</h1>\n\n  <p>{{ttile}}</p>');
    expect(field.message).toBe('line 3: "ttile" is not a field of the report data');
  });

  it('refuses helpers that are not ours and partials that do not exist', () => {
    const helper = refused('x\n{{lookup . "title"}}\n{{exec "rm -rf /"}}');
    expect(helper.line).toBe(3);
    expect(helper.message).toMatch(/"exec" is not an available helper/);
    const partial = refused('x\n\n{{> header}}');
    expect(partial.message).toBe('line 3: there is no partial named "header"');
  });

  it('refuses a template that only works when there is data', () => {
    const r = refused('<p>Top: {{staff.0.userId}}</p>');
    expect(r.message).toMatch(/^line 1: .*with a period that has no leads or calls/);
  });

  it('refuses empty and oversized bodies, and throws an invalid_input AppError on save', () => {
    expect(refused('  \n').message).toBe('the template is empty');
    expect(refused('x'.repeat(200_001)).message).toMatch(/longer than/);
    let error: unknown;
    try {
      assertValidTemplate('{{#if}}', 'daily');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).type).toBe('invalid_input');
    expect((error as AppError).message).toMatch(/line 1/);
  });
});
