import * as os from 'node:os';
import type { Sql } from '../database/sql';
import { hashPassword } from '../modules/auth/password';
import { DEMO_PASSWORD, type DemoCity } from '../modules/org/demo-city';
import { BulkInsert } from './bulk-insert';

export interface OrgSeedOptions {
  now: number;
  /** Hashes one password; by default scrypt (hashPassword), one fresh salt per login. */
  hashPassword?: (plain: string) => Promise<string>;
  /** How many hashes at once: scrypt is CPU-bound (~60 ms), so about one per core. */
  concurrency?: number;
  /** Called with the number of logins hashed so far. */
  onHashed?: (done: number) => void;
}

export interface OrgSeedResult {
  institutions: number;
  branches: number;
  policeUnits: number;
  staff: number;
}

/** Writes the demo city's organisations, police tree and logins, in one transaction. */
export async function writeDemoCity(sql: Sql, city: DemoCity, options: OrgSeedOptions): Promise<OrgSeedResult> {
  const hash = options.hashPassword ?? hashPassword;
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
  let hashed = 0;
  const hashes = await mapLimited(city.staff, concurrency, async () => {
    const value = await hash(DEMO_PASSWORD);
    options.onHashed?.(++hashed);
    return value;
  });
  const now = options.now;
  await sql.transaction(async (tx) => {
    await new BulkInsert('institutions', ['id', 'code', 'name', 'kind', 'created_at'])
      .write(tx, city.institutions.map((i) => [i.id, i.code, i.name, i.kind, now]));
    await new BulkInsert('branches', ['id', 'institution_id', 'code', 'name', 'area_code', 'address', 'created_at'])
      .write(tx, city.branches.map((b) => [b.id, b.institutionId, b.code, b.name, b.areaCode, b.address, now]));
    // Parents come before their children in the list, as the foreign key wants.
    await new BulkInsert('police_units', ['id', 'parent_id', 'code', 'name', 'level', 'created_at'])
      .write(tx, city.policeUnits.map((u) => [u.id, u.parentId, u.code, u.name, u.level, now]));
    await new BulkInsert('police_unit_areas', ['unit_id', 'area_prefix'])
      .write(tx, city.policeUnits.flatMap((u) => u.areas.map((a) => [u.id, a])));
    await new BulkInsert('staff', ['id', 'username', 'display_name', 'role', 'password_hash', 'institution_id', 'branch_id', 'police_unit_id', 'active', 'created_at'])
      .write(tx, city.staff.map((s, i) => [s.id, s.username, s.displayName, s.role, hashes[i]!, s.institutionId, s.branchId, s.policeUnitId, true, now]));
  });
  return { institutions: city.institutions.length, branches: city.branches.length, policeUnits: city.policeUnits.length, staff: city.staff.length };
}

/** `work` over `items`, at most `limit` at a time, results in input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  });
  await Promise.all(lanes);
  return results;
}
