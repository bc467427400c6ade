import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { createHash } from 'node:crypto';

export type Dialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

/**
 * The one door to the database at run time. SQL is written once with `?` placeholders and runs on
 * both SQLite and PostgreSQL; statements are prepared once and reused. TypeORM owns the connection
 * and the migrations; the hot path talks SQL through this interface so that every query on it is
 * visible, counted and cheap.
 */
export interface Sql {
  readonly dialect: Dialect;
  all<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * Runs `work` in one transaction. `lockKeys` name the things whose concurrent writers must
   * queue behind each other (a person, a phone, a branch): on PostgreSQL they become transaction
   * advisory locks so that several server processes cannot lose each other's updates; SQLite
   * serialises every writer anyway.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>, lockKeys?: readonly string[]): Promise<T>;
  /** Queries run since start; the benchmark divides it by openings. */
  readonly queryCount: number;
  /**
   * Resolves once no transaction is running or waiting. Shutdown awaits it before closing the
   * connections: the HTTP server stops taking requests first, but the ones already inside a
   * transaction must be allowed to finish (and answer) rather than fail on a closed pool.
   */
  settled(): Promise<void>;
}

/** Counts work in flight and tells whoever waits when there is none. */
class InFlight {
  private count = 0;
  private waiting: (() => void)[] = [];
  begin(): void {
    this.count++;
  }
  end(): void {
    if (--this.count === 0) for (const resolve of this.waiting.splice(0)) resolve();
  }
  settled(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }
}

/** Unique-constraint violation, whatever the driver. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Statements of one SQLite connection, prepared once. */
class SqliteStatements {
  private readonly cache = new Map<string, Statement>();
  /** Data statements run; transaction control (BEGIN, SAVEPOINT, COMMIT) is not counted, as on PostgreSQL. */
  count = 0;
  constructor(readonly db: SqliteDatabase) {}
  prepare(sql: string): Statement {
    this.count++;
    return this.control(sql);
  }
  control(sql: string): Statement {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement;
  }
}

/** A transaction waiting for its turn, and how to tell its caller the end. */
interface Queued {
  work: (tx: Sql) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most transactions one COMMIT carries, so that the first of a batch never waits long for the last. */
const MAX_GROUP = 32;

/** Inside a SQLite transaction: every call runs at once on the connection that holds it. */
class SqliteTx implements Sql {
  readonly dialect = 'sqlite' as const;
  constructor(private readonly statements: SqliteStatements) {}
  get queryCount(): number {
    return this.statements.count;
  }
  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.statements.prepare(sql).all(...params.map(toSqlite)) as T[];
  }
  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.statements.prepare(sql).get(...params.map(toSqlite)) as T | undefined;
  }
  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.statements.prepare(sql).run(...params.map(toSqlite)).changes;
  }
  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return work(this);
  }
  settled(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * SQLite has one connection per process, shared by every request. Writes therefore only happen
 * inside `transaction`, which runs transactions one after another (FIFO), so that an await in one
 * request's transaction can never let another request's write slip into it.
 *
 * Group commit: the transactions that queue up while one runs share one BEGIN IMMEDIATE … COMMIT,
 * each inside its own SAVEPOINT. A COMMIT writes every page the transaction dirtied to the WAL,
 * and most of those pages (the tails of the time indexes, the audit log, the table's last page)
 * are the same for every opening: one COMMIT for a group writes them once, not once per opening.
 * A failed transaction rolls back to its savepoint and fails alone; every caller of a group
 * hears its answer only once the group's COMMIT is done, so nothing is reported that is not durable.
 */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements: SqliteStatements;
  private readonly reader: SqliteTx;
  private readonly queue: Queued[] = [];
  private draining = false;
  private readonly inFlight = new InFlight();

  constructor(db: SqliteDatabase) {
    this.statements = new SqliteStatements(db);
    this.reader = new SqliteTx(this.statements);
  }

  get queryCount(): number {
    return this.statements.count;
  }

  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.reader.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.reader.get<T>(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  settled(): Promise<void> {
    return this.inFlight.settled();
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.inFlight.begin();
      const settle = <V>(answer: (value: V) => void) => (value: V) => {
        this.inFlight.end();
        answer(value);
      };
      this.queue.push({ work, resolve: settle(resolve as (value: unknown) => void), reject: settle(reject) });
      // Start after this turn of the event loop: the requests read in the same turn join the group.
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Runs the queue, a group per COMMIT, until it is empty. */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.group();
    } finally {
      this.draining = false;
    }
  }

  private async group(): Promise<void> {
    const { db } = this.statements;
    const done: { entry: Queued; value: unknown }[] = [];
    const failed: { entry: Queued; error: unknown }[] = [];
    try {
      // IMMEDIATE takes the write lock up front, so another process's writer waits (busy_timeout)
      // instead of failing half-way with SQLITE_BUSY on upgrade.
      this.statements.control('BEGIN IMMEDIATE').run();
    } catch (error) {
      this.queue.shift()!.reject(error);
      return;
    }
    // Whoever queued while this group ran joins it, up to MAX_GROUP.
    while (this.queue.length > 0 && done.length + failed.length < MAX_GROUP) {
      const entry = this.queue.shift()!;
      this.statements.control('SAVEPOINT tx').run();
      try {
        done.push({ entry, value: await entry.work(this.reader) });
        this.statements.control('RELEASE tx').run();
      } catch (error) {
        failed.push({ entry, error });
        if (!db.inTransaction) {
          // SQLite gave up the whole transaction (I/O error, lock lost): the group's earlier work went with it.
          for (const d of done.splice(0)) failed.push({ entry: d.entry, error });
          break;
        }
        this.statements.control('ROLLBACK TO tx').run();
        this.statements.control('RELEASE tx').run();
      }
    }
    try {
      if (db.inTransaction) this.statements.control('COMMIT').run();
    } catch (error) {
      if (db.inTransaction) this.statements.control('ROLLBACK').run();
      for (const d of done.splice(0)) failed.push({ entry: d.entry, error });
    }
    for (const { entry, value } of done) entry.resolve(value);
    for (const { entry, error } of failed) entry.reject(error);
  }
}

function toSqlite(value: SqlValue): SqlValue {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** A FIFO counting semaphore. */
class Slots {
  private readonly waiting: (() => void)[] = [];
  constructor(private free: number) {}
  async take(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  give(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free++;
  }
}

/**
 * Inside a transaction every statement is a short indexed lookup or write, which a generic plan
 * serves; left alone, PostgreSQL re-plans the large facts statement on every execution. Statistics
 * and lists run outside transactions and keep their custom plans.
 */
const BEGIN = 'BEGIN; SET LOCAL plan_cache_mode = force_generic_plan';

/** PostgreSQL: `?` placeholders become `$n`, and each statement is a named prepared statement. */
export class PostgresSql implements Sql {
  readonly dialect = 'postgres' as const;
  private static readonly texts = new Map<string, { name: string; text: string }>();
  private count = 0;
  /**
   * A transaction holds a pooled connection for its whole life. Code inside one reads through
   * it (`via: tx`), never through the pool: if every connection were held by a transaction
   * waiting for another connection, each would wait forever. As a margin, two connections are
   * always left outside transactions: one the live push's LISTEN keeps, one for plain reads.
   */
  private readonly slots: Slots;
  private readonly inFlight = new InFlight();

  constructor(
    private readonly pool: Pool,
    private readonly client?: PoolClient,
    private readonly parent?: PostgresSql,
  ) {
    this.slots = new Slots(Math.max(1, (pool.options.max ?? 10) - 2));
  }

  get queryCount(): number {
    return this.parent ? this.parent.queryCount : this.count;
  }

  private async query<T>(sql: string, params: readonly SqlValue[]): Promise<{ rows: T[]; rowCount: number | null }> {
    let prepared = PostgresSql.texts.get(sql);
    if (!prepared) {
      let n = 0;
      const text = sql.replace(/\?/g, () => `$${++n}`);
      prepared = { name: 'q' + createHash('sha1').update(text).digest('hex').slice(0, 20), text };
      PostgresSql.texts.set(sql, prepared);
    }
    if (this.parent) this.parent.count++;
    else this.count++;
    const target = this.client ?? this.pool;
    const result = await target.query({ name: prepared.name, text: prepared.text, values: params as SqlValue[] });
    return { rows: result.rows as T[], rowCount: result.rowCount };
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.query<T>(sql, params)).rows;
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.query<T>(sql, params)).rows[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  settled(): Promise<void> {
    return this.inFlight.settled();
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>, lockKeys: readonly string[] = []): Promise<T> {
    if (this.client) return work(this); // already inside one
    this.inFlight.begin();
    try {
      return await this.inTransaction(work, lockKeys);
    } finally {
      this.inFlight.end();
    }
  }

  private async inTransaction<T>(work: (tx: Sql) => Promise<T>, lockKeys: readonly string[]): Promise<T> {
    await this.slots.take();
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      this.slots.give();
      throw error;
    }
    const tx = new PostgresSql(this.pool, client, this);
    try {
      // Sorted, so two transactions wanting the same keys take them in the same order: no deadlock.
      // BEGIN and the locks go in one message (one round trip, not two); the function scan takes
      // the keys one after another in the array's order. Keys are our own text, quoted as literals.
      const keys = [...new Set(lockKeys)].sort();
      if (keys.length === 0) await client.query(BEGIN);
      else {
        this.count++;
        await client.query(`${BEGIN}; SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(ARRAY[${keys.map((k) => client.escapeLiteral(k)).join(', ')}]::text[]) AS k`);
      }
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
      this.slots.give();
    }
  }
}
