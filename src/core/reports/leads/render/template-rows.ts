import type { LeadTemplateKind } from '../../../../shared/report-templates';

export interface TemplateRecord {
  id: number;
  name: string;
  kind: LeadTemplateKind;
  body: string;
  builtin: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface TemplateDraft {
  name: string;
  kind: LeadTemplateKind;
  body: string;
}

/**
 * The report_templates table (team PostgreSQL or local store), limited to the kinds asked
 * for: it also holds other reports' templates, which lead report code never touches.
 */
export interface TemplateRows {
  /** One built-in row per kind with this name and body; idempotent and safe to race. */
  seedBuiltins(builtins: readonly TemplateDraft[], now: string): Promise<void>;
  /** Built-ins first, then by kind and name. */
  list(kinds: readonly LeadTemplateKind[]): Promise<TemplateRecord[]>;
  get(id: number, kinds: readonly LeadTemplateKind[]): Promise<TemplateRecord | null>;
  insert(draft: TemplateDraft): Promise<TemplateRecord>;
  update(id: number, draft: TemplateDraft, now: string): Promise<void>;
  remove(id: number): Promise<void>;
  /** How many subscriptions render with it. */
  usage(id: number): Promise<number>;
}
