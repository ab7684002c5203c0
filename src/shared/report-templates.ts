import { z } from 'zod';
import { leadReportParamsSchema } from './lead-report';

/**
 * Lead report templates (issue 4, seed 002's `report_templates`): the two built-ins and
 * the custom ones users write (Handlebars, logic-less). Shared by the contract, core and
 * the renderer; zod only.
 */

export const leadTemplateKindSchema = z.enum(['leads_daily', 'leads_weekly']);
export type LeadTemplateKind = z.infer<typeof leadTemplateKindSchema>;

export const MAX_TEMPLATE_BODY = 200_000;

export const reportTemplateSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: leadTemplateKindSchema,
  /** The app's own daily/weekly layouts: readable and copyable, never edited or deleted. */
  builtin: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReportTemplateSummary = z.infer<typeof reportTemplateSummarySchema>;

export const reportTemplateSchema = reportTemplateSummarySchema.extend({ body: z.string() });
export type ReportTemplate = z.infer<typeof reportTemplateSchema>;

export const reportTemplateInputSchema = z.object({
  /** Absent: a new template. */
  id: z.number().int().positive().optional(),
  name: z.string().trim().min(1).max(120),
  kind: leadTemplateKindSchema,
  body: z.string().min(1).max(MAX_TEMPLATE_BODY),
});

export const templateProblemSchema = z.object({
  line: z.number().int().nullable(),
  /** "line 3: "foo" is not a field of the report data". */
  message: z.string(),
});

export const templatePreviewInputSchema = z.object({
  body: z.string().max(MAX_TEMPLATE_BODY),
  kind: leadTemplateKindSchema,
});

/** A live preview: the HTML, or why the body does not render yet (not an error while typing). */
export const templatePreviewSchema = z.object({
  html: z.string().nullable(),
  problem: templateProblemSchema.nullable(),
});

export const leadRenderInputSchema = z.object({
  params: leadReportParamsSchema,
  /** A stored template; absent: the built-in layout for the report's type. */
  templateId: z.number().int().positive().optional(),
  format: z.enum(['html', 'pdf']),
});

export const leadRenderOutputSchema = z.union([
  z.object({ html: z.string() }),
  z.object({ pdfPath: z.string(), bytes: z.number().int() }),
]);
