import type { Sql, SqlValue } from '../database/sql';

/** SQLite allows 32,766 bound variables per statement, PostgreSQL 65,535: stay well under both. */
const MAX_VARIABLES = 30_000;

/**
 * Multi-row `INSERT ... VALUES (...), (...)`: a few hundred rows per statement, so a million rows
 * are a few thousand statements. Full-size statements share one text (prepared once); the last,
 * shorter one of a flush gets its own.
 */
export class BulkInsert {
  readonly rowsPerStatement: number;
  private readonly head: string;
  private readonly tuple: string;
  private readonly fullText: string;

  constructor(readonly table: string, readonly columns: readonly string[], rowsPerStatement = 500) {
    this.rowsPerStatement = Math.max(1, Math.min(rowsPerStatement, Math.floor(MAX_VARIABLES / columns.length)));
    this.head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
    this.tuple = `(${columns.map(() => '?').join(', ')})`;
    this.fullText = this.text(this.rowsPerStatement);
  }

  private text(rows: number): string {
    return this.head + Array<string>(rows).fill(this.tuple).join(', ');
  }

  /** Writes `rows` (each one value per column, in column order) inside the caller's transaction. */
  async write(tx: Sql, rows: readonly (readonly SqlValue[])[], onRows?: (written: number) => void): Promise<void> {
    for (let start = 0; start < rows.length; start += this.rowsPerStatement) {
      const slice = rows.slice(start, start + this.rowsPerStatement);
      const params: SqlValue[] = [];
      for (const row of slice) {
        if (row.length !== this.columns.length) throw new Error(`${this.table}: ${row.length} values for ${this.columns.length} columns`);
        for (const value of row) params.push(value);
      }
      await tx.run(slice.length === this.rowsPerStatement ? this.fullText : this.text(slice.length), params);
      onRows?.(start + slice.length);
    }
  }
}
