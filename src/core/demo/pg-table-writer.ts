/**
 * Buffers rows for one source table and inserts them in batches with a single
 * parameterised statement per batch: one array parameter per column, unnested. The SQL
 * text never contains a value, and a batch of any size needs only as many parameters as
 * the table has columns.
 */
import {
  qualified,
  quoteIdent,
  sourceColumns,
  type Queryable,
  type SourceTable,
} from '../sources/postgres/source-schema';

const arrayType = (type: string) => `${type === 'bigserial' ? 'bigint' : type}[]`;

export class TableWriter<T> {
  private buffer: unknown[][] = [];
  private readonly sql: string;
  /** Rows the database took (conflicting primary keys are skipped, not counted). */
  inserted = 0;
  /** Rows handed to the writer. */
  written = 0;

  constructor(
    private readonly db: Queryable,
    schema: string,
    table: SourceTable,
    private readonly toValues: (row: T) => unknown[],
    private readonly batchSize = 1000,
  ) {
    const columns = sourceColumns[table];
    const names = columns.map(([name]) => quoteIdent(name)).join(', ');
    const unnest = columns.map(([, type], i) => `$${i + 1}::${arrayType(type)}`).join(', ');
    this.sql = `INSERT INTO ${qualified(schema, table)} (${names}) SELECT * FROM unnest(${unnest}) ON CONFLICT DO NOTHING`;
  }

  async add(row: T): Promise<void> {
    this.buffer.push(this.toValues(row));
    this.written += 1;
    if (this.buffer.length >= this.batchSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    const width = rows[0]?.length ?? 0;
    const columns: unknown[][] = Array.from(
      { length: width },
      () => new Array<unknown>(rows.length),
    );
    rows.forEach((row, r) => row.forEach((value, c) => ((columns[c] as unknown[])[r] = value)));
    const result = await this.db.query(this.sql, columns);
    this.inserted += result.rowCount ?? 0;
  }
}
