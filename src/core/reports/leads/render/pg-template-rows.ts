import type pg from 'pg';
import type { LeadTemplateKind } from '../../../../shared/report-templates';
import type { TemplateDraft, TemplateRecord, TemplateRows } from './template-rows';

type Queryable = Pick<pg.Pool, 'query'>;

const T = 'leadwatch.report_templates';
const SELECT = `SELECT id, name, kind, body, builtin, created_at AS "createdAt",
  updated_at AS "updatedAt" FROM ${T}`;

type PgRecord = Omit<TemplateRecord, 'createdAt' | 'updatedAt'> & {
  createdAt: Date;
  updatedAt: Date;
};

const toRecord = (r: PgRecord): TemplateRecord => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Report templates in the team PostgreSQL: a custom template is the team's, not one laptop's. */
export class PgTemplateRows implements TemplateRows {
  constructor(private readonly db: Queryable) {}

  async seedBuiltins(builtins: readonly TemplateDraft[], now: string): Promise<void> {
    // The partial unique index on (kind) WHERE builtin makes racing instances converge.
    for (const { name, kind, body } of builtins) {
      await this.db.query(
        `INSERT INTO ${T} AS t (name, kind, body, builtin, created_at, updated_at)
         VALUES ($1, $2, $3, true, $4, $4)
         ON CONFLICT (kind) WHERE builtin DO UPDATE
           SET name = EXCLUDED.name, body = EXCLUDED.body, updated_at = EXCLUDED.updated_at
           WHERE t.name IS DISTINCT FROM EXCLUDED.name OR t.body IS DISTINCT FROM EXCLUDED.body`,
        [name, kind, body, now],
      );
    }
  }

  async list(kinds: readonly LeadTemplateKind[]): Promise<TemplateRecord[]> {
    // COLLATE "C": the same order as SQLite's binary comparison, whatever the database locale.
    const r = await this.db.query<PgRecord>(
      `${SELECT} WHERE kind = ANY($1::text[])
       ORDER BY builtin DESC, kind COLLATE "C", name COLLATE "C"`,
      [kinds],
    );
    return r.rows.map(toRecord);
  }

  async get(id: number, kinds: readonly LeadTemplateKind[]): Promise<TemplateRecord | null> {
    const r = await this.db.query<PgRecord>(`${SELECT} WHERE id = $1 AND kind = ANY($2::text[])`, [
      id,
      kinds,
    ]);
    return r.rows[0] ? toRecord(r.rows[0]) : null;
  }

  async insert(draft: TemplateDraft): Promise<TemplateRecord> {
    const r = await this.db.query<PgRecord>(
      `INSERT INTO ${T} (name, kind, body, builtin) VALUES ($1, $2, $3, false)
       RETURNING id, name, kind, body, builtin, created_at AS "createdAt", updated_at AS "updatedAt"`,
      [draft.name, draft.kind, draft.body],
    );
    return toRecord(r.rows[0]!);
  }

  async update(id: number, draft: TemplateDraft, now: string): Promise<void> {
    await this.db.query(
      `UPDATE ${T} SET name = $1, kind = $2, body = $3, updated_at = $4 WHERE id = $5`,
      [draft.name, draft.kind, draft.body, now, id],
    );
  }

  async remove(id: number): Promise<void> {
    await this.db.query(`DELETE FROM ${T} WHERE id = $1`, [id]);
  }

  async usage(id: number): Promise<number> {
    const r = await this.db.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM leadwatch.subscriptions WHERE template_id = $1',
      [id],
    );
    return r.rows[0]?.n ?? 0;
  }
}
