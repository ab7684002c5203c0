import { join } from 'node:path';
import type { LeadReport } from '../../../../shared/lead-report';
import { ensurePrivateDir, writePrivateFile } from '../../../config/private-files';
import type { PdfEngine } from '../../../render/pdf-engine';
import { AppError } from '../../../rpc/errors';
import { builtinTemplate, compileLeadTemplate } from './engine';
import { finishDocument } from './sanitize';
import { toTemplateData } from './template-data';
import { describeTemplateError, formatProblem } from './template-errors';
import { buildLeadReportView, type GymNames, type LeadReportView } from './view-model';

export type LeadTemplateKind = 'daily' | 'weekly' | 'custom';

export interface LeadRenderOptions {
  /** Built-in layout (daily, weekly), or `custom` with `template` holding the body. */
  kind: LeadTemplateKind;
  /** A custom template body (Handlebars); when given it is used whatever `kind` says. */
  template?: string;
  /** Shown in the footer; default now. */
  generatedAt?: Date | string;
  /** Another templates folder (tests); default the app's own. */
  templatesDir?: string;
  /** Staff directory names by user id, shown instead of ids where known. */
  staffNames?: ReadonlyMap<string, string>;
  /** The gym directory's names for the report's gym and branch. */
  gymNames?: GymNames;
}

export const BUILTIN_FILES = {
  daily: 'lead-report-daily.hbs',
  weekly: 'lead-report-weekly.hbs',
} as const;

export interface LeadReportDocument {
  html: string;
  /** Chromium's running header and "Page X of Y" footer (see pdf-engine.ts). */
  headerTemplate: string;
  footerTemplate: string;
  view: LeadReportView;
}

function renderBody(view: LeadReportView, opts: LeadRenderOptions): string {
  const data = toTemplateData(view);
  if (opts.template === undefined) {
    if (opts.kind === 'custom') {
      throw new AppError('invalid_input', 'A custom lead report needs a template body.');
    }
    return builtinTemplate(BUILTIN_FILES[opts.kind], opts.templatesDir)(data);
  }
  try {
    return compileLeadTemplate(opts.template, opts.templatesDir)(data);
  } catch (error) {
    // A stored template that no longer renders (validated against other data): say where.
    const problem = describeTemplateError(error, opts.template);
    throw new AppError('invalid_input', `The report template failed: ${formatProblem(problem)}`, {
      cause: error,
    });
  }
}

export function buildLeadReportDocument(
  report: LeadReport,
  opts: LeadRenderOptions,
): LeadReportDocument {
  const view = buildLeadReportView(report, {
    generatedAt: opts.generatedAt,
    staffNames: opts.staffNames,
    gymNames: opts.gymNames,
  });
  const data = toTemplateData(view);
  return {
    html: finishDocument(renderBody(view, opts)),
    headerTemplate: builtinTemplate('lead-report-header.hbs', opts.templatesDir)(data),
    footerTemplate: builtinTemplate('lead-report-footer.hbs', opts.templatesDir)(data),
    view,
  };
}

/**
 * The report as one self-contained HTML document (styles and charts inline, scripts and
 * remote loads removed, CSP set): what the PDF prints and the app previews.
 */
export function renderLeadReportHtml(report: LeadReport, opts: LeadRenderOptions): string {
  return buildLeadReportDocument(report, opts).html;
}

export async function renderLeadReportPdf(
  renderer: PdfEngine,
  report: LeadReport,
  opts: LeadRenderOptions,
): Promise<Buffer> {
  const doc = buildLeadReportDocument(report, opts);
  return renderer.renderPdf(doc.html, {
    format: 'A4',
    headerTemplate: doc.headerTemplate,
    footerTemplate: doc.footerTemplate,
  });
}

/**
 * Prints the report and keeps the PDF in `dir` under its standard file name (the Reports
 * page's "save PDF" and every delivery). Returns the document too, for mail and Slack.
 */
export async function saveLeadReportPdf(
  renderer: PdfEngine,
  report: LeadReport,
  opts: LeadRenderOptions,
  dir: string,
): Promise<{ pdf: Buffer; pdfPath: string }> {
  const doc = buildLeadReportDocument(report, opts);
  const pdf = await renderer.renderPdf(doc.html, {
    format: 'A4',
    headerTemplate: doc.headerTemplate,
    footerTemplate: doc.footerTemplate,
  });
  ensurePrivateDir(dir);
  const pdfPath = join(dir, leadReportFilename(report, doc.view));
  await writePrivateFile(pdfPath, pdf);
  return { pdf, pdfPath };
}

/** `lead-report-weekly_{gym}_{2026-11-16_2026-11-22}.pdf`, safe on every OS. */
export function leadReportFilename(report: LeadReport, view?: LeadReportView): string {
  const v = view ?? buildLeadReportView(report);
  const gym = report.gym_id.replace(/[^A-Za-z0-9-]+/g, '_').slice(0, 40) || 'gym';
  return `lead-report-${report.report_type}_${gym}_${v.period.slug}.pdf`;
}
