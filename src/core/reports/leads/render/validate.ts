import type { LeadReportType } from '../../../../shared/lead-report';
import { AppError } from '../../../rpc/errors';
import { compileLeadTemplate } from './engine';
import { emptyLeadReport, sampleLeadReport } from './sample-report';
import { toTemplateData } from './template-data';
import { describeTemplateError, formatProblem, type TemplateProblem } from './template-errors';
import { buildLeadReportView } from './view-model';

export const MAX_TEMPLATE_CHARS = 200_000;

export type TemplateValidation =
  { valid: true } | ({ valid: false; message: string } & TemplateProblem);

const refuse = (p: TemplateProblem): TemplateValidation => ({
  valid: false,
  ...p,
  message: formatProblem(p),
});

/**
 * A template is accepted only if it compiles AND renders, against a busy sample report and
 * against an empty one (no staff, null rates): a `{{staff.0.user_id}}` that works on the
 * sample would otherwise fail on the first quiet day, when nobody is watching.
 */
export function validateTemplate(
  body: string,
  type: LeadReportType = 'weekly',
  templatesDir?: string,
): TemplateValidation {
  if (body.length > MAX_TEMPLATE_CHARS) {
    return refuse({
      line: null,
      reason: `the template is longer than ${MAX_TEMPLATE_CHARS} characters`,
    });
  }
  if (!body.trim()) return refuse({ line: null, reason: 'the template is empty' });
  let render: ReturnType<typeof compileLeadTemplate>;
  try {
    render = compileLeadTemplate(body, templatesDir);
  } catch (error) {
    return refuse(describeTemplateError(error, body));
  }
  for (const [label, report] of [
    ['', sampleLeadReport(type)],
    [' (with a period that has no leads or calls)', emptyLeadReport(type)],
  ] as const) {
    try {
      render(toTemplateData(buildLeadReportView(report, { generatedAt: '2026-11-23T07:00:00Z' })));
    } catch (error) {
      const p = describeTemplateError(error, body);
      return refuse({ ...p, reason: `${p.reason}${label}` });
    }
  }
  return { valid: true };
}

/** validateTemplate for callers that want an exception (the `templates.save` handler). */
export function assertValidTemplate(body: string, type: LeadReportType, templatesDir?: string) {
  const result = validateTemplate(body, type, templatesDir);
  if (!result.valid) {
    throw new AppError('invalid_input', `The template cannot be used: ${result.message}`);
  }
}
