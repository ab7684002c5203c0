import type {
  LeadTemplateKind,
  ReportTemplate,
  ReportTemplateSummary,
} from '../../../../shared/report-templates';
import { AppError, notFound } from '../../../rpc/errors';
import { builtinSource } from './engine';
import { BUILTIN_FILES } from './render';
import type { TemplateDraft, TemplateRecord, TemplateRows } from './template-rows';

const KINDS: LeadTemplateKind[] = ['leads_daily', 'leads_weekly'];

export const BUILTIN: Record<LeadTemplateKind, { name: string; file: string }> = {
  leads_daily: { name: 'Daily lead report (built-in)', file: BUILTIN_FILES.daily },
  leads_weekly: { name: 'Weekly lead report (built-in)', file: BUILTIN_FILES.weekly },
};

/** The built-in templates as rows: their body is the template file, refreshed on every start. */
export function builtinTemplates(templatesDir?: string): TemplateDraft[] {
  return KINDS.map((kind) => ({
    kind,
    name: BUILTIN[kind].name,
    body: builtinSource(BUILTIN[kind].file, templatesDir),
  }));
}

function summary(row: TemplateRecord): ReportTemplateSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    builtin: row.builtin,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Lead report templates (kinds leads_daily and leads_weekly) in the team's report_templates
 * table, or the local one. The built-ins are rows too (seeded by `builtinTemplates`), so
 * subscriptions can point at them and the editor can show and copy them.
 */
export class LeadTemplateStore {
  constructor(
    private readonly rows: TemplateRows,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(kind?: LeadTemplateKind): Promise<ReportTemplateSummary[]> {
    return (await this.rows.list(kind ? [kind] : KINDS)).map(summary);
  }

  async get(id: number): Promise<ReportTemplate> {
    const row = await this.rows.get(id, KINDS);
    if (!row) throw notFound(`Template ${id}`);
    return row;
  }

  /** Stores a body that was already validated (the handler does that). */
  async save(input: TemplateDraft & { id?: number }): Promise<ReportTemplate> {
    const draft = { name: input.name, kind: input.kind, body: input.body };
    if (input.id === undefined) return this.rows.insert(draft);
    await this.refuseBuiltin(input.id, 'changed');
    await this.rows.update(input.id, draft, this.now().toISOString());
    return this.get(input.id);
  }

  async delete(id: number): Promise<void> {
    await this.refuseBuiltin(id, 'deleted');
    const n = await this.rows.usage(id);
    if (n > 0) {
      throw new AppError(
        'conflict',
        `Template ${id} is used by ${n} subscription${n === 1 ? '' : 's'}; choose another template for ${n === 1 ? 'it' : 'them'} first.`,
      );
    }
    await this.rows.remove(id);
  }

  private async refuseBuiltin(id: number, verb: string): Promise<void> {
    if ((await this.get(id)).builtin) {
      throw new AppError(
        'forbidden',
        `Built-in templates cannot be ${verb}; save a copy under another name instead.`,
      );
    }
  }
}
