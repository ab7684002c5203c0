import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LeadTemplateKind } from '../../../../shared/report-templates';
import { reportTemplates, subscriptions } from '../../../store/schema';
import type { Store } from '../../../store/open';
import type { TemplateDraft, TemplateRecord, TemplateRows } from './template-rows';

type Row = typeof reportTemplates.$inferSelect;
const toRecord = (row: Row): TemplateRecord => ({ ...row, kind: row.kind as LeadTemplateKind });

/** Report templates in the local store (no team database configured). */
export class SqliteTemplateRows implements TemplateRows {
  constructor(private readonly store: Store) {}

  async seedBuiltins(builtins: readonly TemplateDraft[], now: string): Promise<void> {
    const { db, sqlite } = this.store;
    // IMMEDIATE, so two processes starting together (app and daemon) cannot both insert.
    sqlite
      .transaction(() => {
        for (const { name, kind, body } of builtins) {
          const row = db
            .select()
            .from(reportTemplates)
            .where(and(eq(reportTemplates.kind, kind), eq(reportTemplates.builtin, true)))
            .get();
          if (!row) db.insert(reportTemplates).values({ name, kind, body, builtin: true }).run();
          else if (row.body !== body || row.name !== name) {
            db.update(reportTemplates)
              .set({ body, name, updatedAt: now })
              .where(eq(reportTemplates.id, row.id))
              .run();
          }
        }
      })
      .immediate();
  }

  async list(kinds: readonly LeadTemplateKind[]): Promise<TemplateRecord[]> {
    return this.store.db
      .select()
      .from(reportTemplates)
      .where(inArray(reportTemplates.kind, [...kinds]))
      .orderBy(sql`${reportTemplates.builtin} DESC`, reportTemplates.kind, reportTemplates.name)
      .all()
      .map(toRecord);
  }

  async get(id: number, kinds: readonly LeadTemplateKind[]): Promise<TemplateRecord | null> {
    const row = this.store.db
      .select()
      .from(reportTemplates)
      .where(and(eq(reportTemplates.id, id), inArray(reportTemplates.kind, [...kinds])))
      .get();
    return row ? toRecord(row) : null;
  }

  async insert(draft: TemplateDraft): Promise<TemplateRecord> {
    const row = this.store.db
      .insert(reportTemplates)
      .values({ ...draft, builtin: false })
      .returning()
      .get();
    return toRecord(row);
  }

  async update(id: number, draft: TemplateDraft, now: string): Promise<void> {
    this.store.db
      .update(reportTemplates)
      .set({ ...draft, updatedAt: now })
      .where(eq(reportTemplates.id, id))
      .run();
  }

  async remove(id: number): Promise<void> {
    this.store.db.delete(reportTemplates).where(eq(reportTemplates.id, id)).run();
  }

  async usage(id: number): Promise<number> {
    const row = this.store.db
      .select({ n: sql<number>`count(*)` })
      .from(subscriptions)
      .where(eq(subscriptions.templateId, id))
      .get();
    return row?.n ?? 0;
  }
}
