import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  LeadTemplateKind,
  ReportTemplate,
  ReportTemplateSummary,
} from '../../../../shared/report-templates';
import { AppError, notFound } from '../../../rpc/errors';
import { reportTemplates, subscriptions } from '../../../store/schema';
import type { Store } from '../../../store/open';
import { builtinSource } from './engine';
import { BUILTIN_FILES } from './render';

const KINDS: LeadTemplateKind[] = ['leads_daily', 'leads_weekly'];

export const BUILTIN: Record<LeadTemplateKind, { name: string; file: string }> = {
  leads_daily: { name: 'Daily lead report (built-in)', file: BUILTIN_FILES.daily },
  leads_weekly: { name: 'Weekly lead report (built-in)', file: BUILTIN_FILES.weekly },
};

type Row = typeof reportTemplates.$inferSelect;

function summary(row: Row): ReportTemplateSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as LeadTemplateKind,
    builtin: row.builtin,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const now = () => new Date().toISOString();

/**
 * Lead report templates in the local store's `report_templates` (kinds leads_daily and
 * leads_weekly; the table also holds other reports' kinds, which this never touches).
 * The built-ins are rows too, so subscriptions can point at them and the editor can show
 * and copy them; their body is the template file and is refreshed from it on start.
 */
export class LeadTemplateStore {
  constructor(
    private readonly store: Store,
    private readonly templatesDir?: string,
  ) {}

  /**
   * One built-in row per kind, body in step with the file. Idempotent, and IMMEDIATE so
   * two processes starting together (app and daemon) cannot both insert.
   */
  seedBuiltins(): void {
    const { db, sqlite } = this.store;
    const seed = sqlite.transaction(() => {
      for (const kind of KINDS) {
        const { name, file } = BUILTIN[kind];
        const body = builtinSource(file, this.templatesDir);
        const row = db
          .select()
          .from(reportTemplates)
          .where(and(eq(reportTemplates.kind, kind), eq(reportTemplates.builtin, true)))
          .get();
        if (!row) db.insert(reportTemplates).values({ name, kind, body, builtin: true }).run();
        else if (row.body !== body || row.name !== name) {
          db.update(reportTemplates)
            .set({ body, name, updatedAt: now() })
            .where(eq(reportTemplates.id, row.id))
            .run();
        }
      }
    });
    seed.immediate();
  }

  list(kind?: LeadTemplateKind): ReportTemplateSummary[] {
    const rows = this.store.db
      .select()
      .from(reportTemplates)
      .where(inArray(reportTemplates.kind, kind ? [kind] : KINDS))
      .orderBy(sql`${reportTemplates.builtin} DESC`, reportTemplates.kind, reportTemplates.name)
      .all();
    return rows.map(summary);
  }

  get(id: number): ReportTemplate {
    const row = this.store.db
      .select()
      .from(reportTemplates)
      .where(and(eq(reportTemplates.id, id), inArray(reportTemplates.kind, KINDS)))
      .get();
    if (!row) throw notFound(`Template ${id}`);
    return { ...summary(row), body: row.body };
  }

  /** Stores a body that was already validated (the handler does that). */
  save(input: { id?: number; name: string; kind: LeadTemplateKind; body: string }): ReportTemplate {
    const { db } = this.store;
    if (input.id === undefined) {
      const row = db
        .insert(reportTemplates)
        .values({ name: input.name, kind: input.kind, body: input.body, builtin: false })
        .returning()
        .get();
      return { ...summary(row), body: row.body };
    }
    this.refuseBuiltin(input.id, 'changed');
    db.update(reportTemplates)
      .set({ name: input.name, kind: input.kind, body: input.body, updatedAt: now() })
      .where(eq(reportTemplates.id, input.id))
      .run();
    return this.get(input.id);
  }

  delete(id: number): void {
    this.refuseBuiltin(id, 'deleted');
    const users = this.store.db
      .select({ n: sql<number>`count(*)` })
      .from(subscriptions)
      .where(eq(subscriptions.templateId, id))
      .get();
    if (users && users.n > 0) {
      throw new AppError(
        'conflict',
        `Template ${id} is used by ${users.n} subscription${users.n === 1 ? '' : 's'}; choose another template for ${users.n === 1 ? 'it' : 'them'} first.`,
      );
    }
    this.store.db.delete(reportTemplates).where(eq(reportTemplates.id, id)).run();
  }

  private refuseBuiltin(id: number, verb: string): void {
    if (this.get(id).builtin) {
      throw new AppError(
        'forbidden',
        `Built-in templates cannot be ${verb}; save a copy under another name instead.`,
      );
    }
  }
}
