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
    const helper = refused('x\n{{title}}\n{{exec "rm -rf /"}}');
    expect(helper.line).toBe(3);
    expect(helper.message).toMatch(/"exec" is not an available helper/);
    // Handlebars' own lookup (reads around strict mode) and log (writes to core's output).
    expect(refused('x\n{{lookup . "title"}}').message).toMatch(
      /^line 2: "lookup" is not an available helper/,
    );
    expect(refused('{{log "FAKE LOG LINE" level="error"}}').message).toMatch(
      /"log" is not an available helper/,
    );
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

describe('template limits (checked before Handlebars parses)', () => {
  const nested = (n: number, open = '{{#if hasStaff}}', close = '{{/if}}') =>
    `${open}\n`.repeat(n) + 'x' + close.repeat(n);

  it('refuses blocks nested deeper than 50 at the line of the 51st, quickly', () => {
    const start = Date.now();
    const r = refused(nested(6000));
    expect(Date.now() - start).toBeLessThan(1000);
    expect(r.line).toBe(51);
    expect(r.message).toBe(
      'line 51: blocks are nested more than 50 deep: {{#if hasStaff}} opens level 51; close some blocks or use {{else}} instead of nesting',
    );
    expect(refused(nested(8000, '{{#with kpis}}', '{{/with}}')).line).toBe(51);
    expect(refused(nested(60, '{{^if hasStaff}}')).line).toBe(51);
    expect(validateTemplate(nested(50))).toEqual({ valid: true });
  });

  it('counts an {{else if}} chain as nesting, but not {{else}}, {{^}}, comments or \\{{', () => {
    const chain = (n: number) =>
      '{{#if hasStaff}}' + '{{else if hasLeads}}\n'.repeat(n) + '{{/if}}';
    expect(validateTemplate(chain(49))).toEqual({ valid: true });
    expect(refused(chain(50)).line).toBe(50);
    const flat = '{{#if hasStaff}}a{{else}}b{{/if}}{{#if hasLeads}}c{{^}}d{{/if}}\n'.repeat(60);
    expect(validateTemplate(flat)).toEqual({ valid: true });
    const commented = '{{!-- {{#if hasStaff}} --}}{{! {{#if x}} }}\\{{#if hasStaff}}\n'.repeat(60);
    expect(validateTemplate(commented)).toEqual({ valid: true });
  });

  it('does not let a closer that matches nothing undo the count', () => {
    const r = refused('{{#if hasStaff}}{{/each}}\n'.repeat(60));
    // Handlebars would report the mismatch; refusing on depth instead is the safe side.
    expect(r.message).toMatch(/^line 51: blocks are nested more than 50 deep/);
  });

  it('refuses loops nested deeper than 3 in every form Handlebars iterates, and partial definitions', () => {
    const loops = (n: number) =>
      '{{#each staff}}\n'.repeat(n) + '{{nameParts}}' + '{{/each}}'.repeat(n);
    expect(validateTemplate(loops(3))).toEqual({ valid: true });
    const r = refused(loops(4));
    expect(r.line).toBe(4);
    expect(r.message).toMatch(
      /^line 4: loops are nested more than 3 deep \(\{\{#each\}\} opens level 4\)/,
    );
    // Blocks that run once do not count, and do not hide the loops between them.
    const mixed = '{{#each staff}}{{#if hasStaff}}\n'.repeat(4) + '{{/if}}{{/each}}'.repeat(4);
    expect(refused(mixed).line).toBe(4);
    // A block named after an array iterates it; so does an `{{else each}}` branch.
    const sections = '{{#@root.staff}}\n'.repeat(4) + 'x' + '{{/@root.staff}}'.repeat(4);
    expect(refused(sections).message).toMatch(/loops are nested more than 3 deep/);
    const elseEach =
      '{{#if false}}{{else each @root.staff}}\n'.repeat(4) + 'x' + '{{/if}}'.repeat(4);
    expect(refused(elseEach).message).toMatch(/loops are nested more than 3 deep/);
    // Inline partials calling each other, one loop each: refused at the definition.
    const partials =
      '{{#*inline "p0"}}x{{/inline}}\n' +
      [1, 2, 3, 4, 5]
        .map((i) => `{{#*inline "p${i}"}}{{#each @root.staff}}{{> p${i - 1}}}{{/each}}{{/inline}}`)
        .join('') +
      '{{> p5}}';
    const inline = refused(partials);
    expect(inline.line).toBe(1);
    expect(inline.message).toMatch(/inline partials and decorators .* are not available/);
    expect(refused('x\n{{#> missing}}{{title}}{{/missing}}').message).toBe(
      'line 2: partial blocks ({{#> …}}) are not available in custom templates',
    );
  });

  it('refuses sub-expressions nested deeper than 10 and more than 3,000 expressions', () => {
    const sub = (n: number) =>
      'x\n{{number ' + '(number '.repeat(n) + 'report.calls.total' + ')'.repeat(n) + '}}';
    expect(validateTemplate(sub(10))).toEqual({ valid: true });
    const deep = refused(sub(3000));
    expect(deep.line).toBe(2);
    expect(deep.message).toMatch(/^line 2: sub-expressions \( … \) are nested more than 10 deep/);
    expect(validateTemplate('{{title}}\n'.repeat(3000))).toEqual({ valid: true });
    const many = refused('{{title}}\n'.repeat(3001));
    expect(many.line).toBe(3001);
    expect(many.message).toMatch(/more than 3,000 \{\{ … \}\} expressions/);
  });
});
