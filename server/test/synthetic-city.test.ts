import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkBankCard, checkIdNumber, checkMobile, luhnValid } from '@duanka/shared';
import { PLANTED_KINDS } from '../src/cli/city-plan';
import { NumberMint } from '../src/cli/identities';
import { Prng } from '../src/cli/prng';
import { progressBar } from '../src/cli/progress';
import { seedDemo, SeedRefused, type SeedOptions, type SeedResult } from '../src/cli/seed';
import type { PlantedCase } from '../src/cli/synthetic-city';
import { AppConfig } from '../src/config/app-config';
import { openDatabase, type Database } from '../src/database/database';
import type { Sql } from '../src/database/sql';
import { hashPassword, verifyPassword } from '../src/modules/auth/password';
import { DEMO_LOGINS, DEMO_PASSWORD, HARBIN_DISTRICTS } from '../src/modules/org/demo-city';
import { VaultService } from '../src/modules/vault/vault.service';
import { createTestDatabase, databaseKinds, dumpPostgres, type TestDatabase } from './support/test-database';

// 2026-11-28 14:00 in Harbin: a fixed "now" makes the city reproducible.
const NOW = Date.UTC(2026, 10, 28, 6, 0);
const HOUR = 3600_000;
const DAY = 24 * HOUR;

// GB/T 2260: Harbin's 9 districts, 7 counties and 2 county-level cities.
const HARBIN_CODES = [
  '230102', '230103', '230104', '230108', '230109', '230110', '230111', '230112', '230113',
  '230123', '230124', '230125', '230126', '230127', '230128', '230129', '230183', '230184',
];

interface OpeningRow {
  id: string;
  person_id: string;
  branch_id: string;
  institution_id: string;
  opened_at: number;
  verdict: string;
  hits: string;
  cancelled_at: number | null;
  companion_phone_hash: string | null;
  phone_hash?: string;
  kind: 'BANK' | 'SIM';
}

let sharedHash: Promise<string> | undefined;
/** One real scrypt hash for every demo login: the tests check logins, not 300 salts. */
const oneHash = () => (sharedHash ??= hashPassword(DEMO_PASSWORD));

const options = (extra: Partial<SeedOptions> = {}): SeedOptions => ({
  people: 400, days: 60, seed: 'test-city', now: NOW, plantedPerKind: 2, progress: false, hashPassword: oneHash, ...extra,
});

async function open(database: TestDatabase): Promise<{ db: Database; config: AppConfig }> {
  const config = new AppConfig(database.env as NodeJS.ProcessEnv);
  return { db: await openDatabase(config), config };
}

const num = (value: unknown) => Number(value);

async function openings(sql: Sql, ids?: readonly string[]): Promise<OpeningRow[]> {
  const where = ids ? `WHERE id IN (${ids.map(() => '?').join(', ')})` : '';
  const params = ids ? [...ids, ...ids] : [];
  const rows = await sql.all<OpeningRow>(
    `SELECT id, person_id, branch_id, institution_id, opened_at, verdict, hits, cancelled_at, companion_phone_hash, phone_hash, 'BANK' AS kind FROM bank_openings ${where}
     UNION ALL SELECT id, person_id, branch_id, institution_id, opened_at, verdict, hits, cancelled_at, companion_phone_hash, number_hash AS phone_hash, 'SIM' AS kind FROM sim_registrations ${where}`,
    params,
  );
  return rows.map((r) => ({ ...r, opened_at: num(r.opened_at), cancelled_at: r.cancelled_at === null ? null : num(r.cancelled_at) }))
    .sort((a, b) => a.opened_at - b.opened_at);
}

/** What the seed wrote, minus what is random by design (ciphertext IVs, password salts, alert ids). */
async function fingerprint(sql: Sql): Promise<string> {
  const hash = createHash('sha256');
  const queries = [
    'SELECT id, code, name, kind FROM institutions ORDER BY id',
    'SELECT id, institution_id, code, name, area_code FROM branches ORDER BY id',
    'SELECT id, parent_id, code, name, level FROM police_units ORDER BY id',
    'SELECT unit_id, area_prefix FROM police_unit_areas ORDER BY unit_id, area_prefix',
    'SELECT id, username, role, institution_id, branch_id, police_unit_id FROM staff ORDER BY id',
    'SELECT id, id_hash, birth_date, sex, region_code, created_at FROM persons ORDER BY id',
    `SELECT id, person_id, branch_id, teller_id, account_class, card_hash, card_last4, phone_hash, companion_phone_hash, purpose,
       opened_at, verdict, hits, outcome, outcome_at, cancelled_at FROM bank_openings ORDER BY id`,
    'SELECT id, person_id, branch_id, number_hash, carrier, card_kind, opened_at, verdict, hits, outcome, cancelled_at FROM sim_registrations ORDER BY id',
    'SELECT id, opening_id, cancelled_at, reason FROM cancellations ORDER BY id',
    'SELECT id, kind, target, value_hash, added_at, expires_at FROM watchlist_entries ORDER BY id',
    'SELECT COUNT(*) AS n FROM alerts',
  ];
  for (const q of queries) {
    for (const row of await sql.all(q)) hash.update(JSON.stringify(Object.values(row).map((v) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : v))));
  }
  return hash.digest('hex');
}

describe('synthetic city building blocks', () => {
  it('mints distinct, valid card and phone numbers, the same ones for the same seed', () => {
    const mint = (seed: string) => {
      const prng = new Prng(seed);
      const m = new NumberMint(prng.fork('numbers'));
      return Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? m.card(['ICBC', 'CMB', 'CIB', 'HRBB'][i % 4]!, prng) : m.mobile(['CMCC', 'CUCC', 'CTCC', 'CBN'][i % 4]!, prng)));
    };
    const numbers = mint('a');
    assert.equal(new Set(numbers).size, numbers.length);
    assert.deepEqual(mint('a'), numbers);
    assert.notDeepEqual(mint('b'), numbers);
    for (const n of numbers.slice(0, 2_000)) assert.ok(n.length === 11 ? checkMobile(n).ok : checkBankCard(n).ok, n);
  });

  it('makes time-ordered ids in the UUID version-7 layout', () => {
    const prng = new Prng(7);
    const ids = [NOW - DAY, NOW, NOW + 1].map((t) => prng.uuid7(t));
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(parseInt(ids[1]!.replace(/-/g, '').slice(0, 12), 16), NOW);
  });

  it('reports progress as plain lines (percent, rate, ETA) when stderr is not a terminal', () => {
    const lines: string[] = [];
    const bar = progressBar('测试', 1_000, true, { write: (t: string) => lines.push(t), isTTY: false });
    for (let i = 0; i <= 1_000; i += 50) bar.tick(i);
    bar.finish();
    assert.equal(lines.length, 11);
    assert.match(lines[10]!, /100\.0%\s+1,000\/1,000\s+[\d,]+ rows\/s\s+ETA 0s/);
  });
});

for (const kind of databaseKinds()) {
  describe(`synthetic city of Harbin on ${kind}`, () => {
    let database: TestDatabase;
    let db: Database;
    let vault: VaultService;
    let seeded: SeedResult;
    let planted: PlantedCase[];

    before(async () => {
      database = await createTestDatabase(kind);
      const opened = await open(database);
      db = opened.db;
      vault = new VaultService(opened.config);
      seeded = await seedDemo(db, { ...options(), config: opened.config });
      planted = seeded.history!.planted;
    });
    after(async () => {
      await db?.close();
      await database?.drop();
    });

    it('builds the 18 districts and counties of Harbin, each with its bureau, stations and branches', async () => {
      assert.deepEqual(HARBIN_DISTRICTS.map((d) => d.code), HARBIN_CODES);
      const units = await db.sql.all<{ id: string; parent_id: string | null; level: string; code: string }>('SELECT id, parent_id, level, code FROM police_units');
      const areas = await db.sql.all<{ unit_id: string; area_prefix: string }>('SELECT unit_id, area_prefix FROM police_unit_areas');
      const byId = new Map(units.map((u) => [u.id, u]));
      const city = units.filter((u) => u.level === 'CITY');
      assert.equal(city.length, 1);
      assert.deepEqual(areas.filter((a) => a.unit_id === city[0]!.id).map((a) => a.area_prefix), ['2301']);
      const districts = units.filter((u) => u.level === 'DISTRICT');
      assert.equal(districts.length, 18);
      assert.ok(districts.every((d) => d.parent_id === city[0]!.id));
      assert.deepEqual(areas.filter((a) => byId.get(a.unit_id)!.level === 'DISTRICT').map((a) => a.area_prefix).sort(), HARBIN_CODES);
      for (const d of districts) {
        const stations = units.filter((u) => u.parent_id === d.id && u.level === 'STATION');
        assert.ok(stations.length >= 2, `${d.code} has ${stations.length} stations`);
      }
      const communities = units.filter((u) => u.level === 'COMMUNITY');
      assert.ok(communities.length >= 4);
      assert.ok(communities.every((c) => byId.get(c.parent_id!)!.level === 'STATION'));
      // Stations and community posts own 9-digit street codes inside their district's.
      for (const a of areas.filter((x) => ['STATION', 'COMMUNITY'].includes(byId.get(x.unit_id)!.level))) {
        assert.match(a.area_prefix, /^\d{9}$/);
        let unit = byId.get(a.unit_id)!;
        while (unit.level !== 'DISTRICT') unit = byId.get(unit.parent_id!)!;
        assert.ok(a.area_prefix.startsWith(areas.find((x) => x.unit_id === unit.id)!.area_prefix));
      }

      const institutions = await db.sql.all<{ code: string; kind: string }>('SELECT code, kind FROM institutions');
      assert.deepEqual(institutions.filter((i) => i.kind === 'CARRIER').map((i) => i.code).sort(), ['CBN', 'CMCC', 'CTCC', 'CUCC']);
      assert.ok(institutions.filter((i) => i.kind === 'BANK').length >= 12);
      for (const code of ['ICBC', 'ABC', 'BOC', 'CCB', 'PSBC', 'HRBB', 'LJB']) assert.ok(institutions.some((i) => i.code === code), code);

      const branches = await db.sql.all<{ id: string; name: string; area_code: string; tellers: number | string }>(
        `SELECT b.id, b.name, b.area_code, (SELECT COUNT(*) FROM staff s WHERE s.branch_id = b.id AND s.role = 'TELLER') AS tellers FROM branches b`,
      );
      assert.ok(branches.length >= 100, `${branches.length} branches`);
      for (const b of branches) {
        assert.ok(num(b.tellers) >= 1, `${b.name} has no teller`);
        assert.match(b.area_code, /^\d{9}$/);
        assert.ok(areas.some((a) => a.area_prefix.length >= 6 && b.area_code.startsWith(a.area_prefix)), `nobody below the city owns ${b.area_code}`);
      }
      assert.ok(branches.some((b) => b.name === '中国工商银行哈尔滨南岗支行'));
      const districtsWithBranches = new Set(branches.map((b) => b.area_code.slice(0, 6)));
      assert.deepEqual([...districtsWithBranches].sort(), HARBIN_CODES);
      assert.ok(branches.filter((b) => b.area_code.startsWith('230103')).length >= 10, '南岗区 is busy');
    });

    it('has every demo login with its role, scope and the demo password', async () => {
      for (const login of DEMO_LOGINS) {
        const row = await db.sql.get<{ role: string; password_hash: string; branch_id: string | null; police_unit_id: string | null; active: unknown }>(
          'SELECT role, password_hash, branch_id, police_unit_id, active FROM staff WHERE username = ?', [login.username]);
        assert.ok(row, `${login.username} exists`);
        assert.equal(row.role, login.role);
        assert.ok(Boolean(row.active));
        if (login.role === 'TELLER') assert.ok(row.branch_id);
        if (login.role === 'POLICE_OFFICER' || login.role === 'SQUAD_ADMIN') assert.ok(row.police_unit_id);
      }
      const teller = await db.sql.get<{ area_code: string; code: string; kind: string }>(
        `SELECT b.area_code, i.code, i.kind FROM staff s JOIN branches b ON b.id = s.branch_id JOIN institutions i ON i.id = b.institution_id WHERE s.username = ?`,
        ['teller.icbc.nangang.1']);
      assert.deepEqual([teller!.area_code.slice(0, 6), teller!.code, teller!.kind], ['230103', 'ICBC', 'BANK']);
      const store = await db.sql.get<{ area_code: string; code: string }>(
        `SELECT b.area_code, i.code FROM staff s JOIN branches b ON b.id = s.branch_id JOIN institutions i ON i.id = b.institution_id WHERE s.username = ?`,
        ['teller.cmcc.nangang.1']);
      assert.deepEqual([store!.area_code.slice(0, 6), store!.code], ['230103', 'CMCC']);
      const officer = await db.sql.get<{ level: string; area_prefix: string }>(
        `SELECT u.level, a.area_prefix FROM staff s JOIN police_units u ON u.id = s.police_unit_id JOIN police_unit_areas a ON a.unit_id = u.id WHERE s.username = ?`,
        ['police.nangang']);
      assert.deepEqual(officer, { level: 'DISTRICT', area_prefix: '230103' });
      const hash = await db.sql.get<{ password_hash: string }>('SELECT password_hash FROM staff WHERE username = ?', ['squad.admin']);
      assert.ok(await verifyPassword(DEMO_PASSWORD, hash!.password_hash));
      assert.ok(!(await verifyPassword('wrong-password', hash!.password_hash)));
    });

    it('writes a history of about three openings per person over the chosen days', async () => {
      const h = seeded.history!;
      assert.equal(num((await db.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM persons'))!.n), h.persons);
      assert.ok(h.persons >= 400);
      const all = await openings(db.sql);
      assert.equal(all.length, h.bankOpenings + h.simRegistrations);
      assert.ok(all.length / h.persons > 2.5 && all.length / h.persons < 4.5, `${all.length} openings for ${h.persons} people`);
      assert.ok(all.every((o) => o.opened_at <= NOW && o.opened_at >= NOW - 60 * DAY));
      assert.ok(all.some((o) => o.opened_at >= NOW - DAY), 'something happened today or yesterday');
      assert.equal(num((await db.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM cancellations'))!.n), h.cancellations);
      // Most people pass; the planted patterns and a few ordinary coincidences do not.
      assert.ok(h.verdicts.PASS > 0.85 * all.length, JSON.stringify(h.verdicts));
      assert.ok(h.verdicts.STOP > 0 && h.verdicts.VERIFY > 0);
      const flagged = all.filter((o) => o.verdict !== 'PASS');
      assert.ok(flagged.every((o) => JSON.parse(o.hits).length > 0));
      assert.ok(all.filter((o) => o.verdict === 'PASS').every((o) => o.hits === '[]'));
    });

    it('plants every card-farmer pattern of the rule catalogue, and the real rules catch each one', async () => {
      for (const kind of PLANTED_KINDS) assert.equal(planted.filter((c) => c.kind === kind).length, 2, kind);
      for (const c of planted) {
        assert.equal(c.confirmed, true, `${c.id}: ${c.kind} did not fire at its trigger openings`);
        const rows = await openings(db.sql, c.openingIds);
        assert.equal(rows.length, c.openingIds.length, `${c.id} openings are stored`);
        assert.deepEqual(new Set(rows.map((r) => r.person_id)), new Set(c.personIds));
        for (const row of rows.filter((r) => c.triggerIds.includes(r.id))) {
          const rules = (JSON.parse(row.hits) as { rule: string }[]).map((h) => h.rule);
          assert.ok(rules.includes(c.kind), `${c.id} trigger ${row.id} hits ${rules.join(',')}`);
          assert.notEqual(row.verdict, 'PASS');
          if (c.level === 'STOP') assert.equal(row.verdict, 'STOP');
        }
      }
      // Each pattern's first case is recent, so the live screens show it.
      for (const kind of PLANTED_KINDS) assert.ok(planted.some((c) => c.kind === kind && c.to >= NOW - 3 * DAY), `${kind} is recent`);
    });

    it('stores the escort group as ≥3 people at one branch within 2 hours with the same companion phone', async () => {
      for (const c of planted.filter((x) => x.kind === 'ESCORT_GROUP')) {
        const rows = await openings(db.sql, c.openingIds);
        assert.ok(new Set(rows.map((r) => r.person_id)).size >= 3);
        assert.equal(new Set(rows.map((r) => r.branch_id)).size, 1);
        assert.ok(rows.every((r) => r.companion_phone_hash === c.companionPhoneHash && r.companion_phone_hash));
        assert.ok(rows[rows.length - 1]!.opened_at - rows[0]!.opened_at <= 2 * HOUR);
      }
    });

    it('stores the other patterns as the rules describe them', async () => {
      for (const c of planted.filter((x) => x.kind === 'SHARED_PHONE')) {
        const rows = await db.sql.all<{ person_id: string }>('SELECT person_id FROM bank_openings WHERE phone_hash = ?', [c.sharedPhoneHash!]);
        assert.ok(new Set(rows.map((r) => r.person_id)).size >= 3, `${c.id}: phone shared by ${rows.length}`);
      }
      for (const c of planted.filter((x) => x.kind === 'MULTI_BANK_BURST')) {
        const rows = await openings(db.sql, c.openingIds);
        assert.equal(rows.length, 4);
        assert.equal(new Set(rows.map((r) => r.institution_id)).size, 4);
        assert.ok(rows[3]!.opened_at - rows[0]!.opened_at <= 5 * DAY);
      }
      for (const c of planted.filter((x) => x.kind === 'QUICK_CHURN')) {
        const [first, again] = await openings(db.sql, c.openingIds);
        assert.ok(first!.cancelled_at !== null && first!.cancelled_at - first!.opened_at <= 30 * DAY);
        assert.ok(again!.opened_at > first!.cancelled_at!);
        const cancellation = await db.sql.get<{ cancelled_at: number }>('SELECT cancelled_at FROM cancellations WHERE opening_id = ?', [first!.id]);
        assert.equal(num(cancellation!.cancelled_at), first!.cancelled_at);
      }
      for (const c of planted.filter((x) => x.kind === 'WATCHLIST_PUNISHED' || x.kind === 'VULNERABLE')) {
        const person = await db.sql.get<{ id_hash: string }>('SELECT id_hash FROM persons WHERE id = ?', [c.personIds[0]!]);
        const entry = await db.sql.get<{ kind: string; target: string }>('SELECT kind, target FROM watchlist_entries WHERE value_hash = ?', [person!.id_hash]);
        assert.deepEqual(entry, { kind: c.kind === 'VULNERABLE' ? 'VULNERABLE' : 'PUNISHED', target: 'PERSON' });
      }
      for (const c of planted.filter((x) => x.kind === 'YOUTH_NONLOCAL')) {
        const person = await db.sql.get<{ region_code: string }>('SELECT region_code FROM persons WHERE id = ?', [c.personIds[0]!]);
        assert.notEqual(person!.region_code.slice(0, 2), '23');
      }
    });

    it('raises police alerts for the recent flagged openings, owned by the unit of the branch area', async () => {
      const alerts = await db.sql.all<{ opening_id: string; level: string; created_at: number }>('SELECT opening_id, level, created_at FROM alerts');
      assert.ok(seeded.alerts > 0);
      assert.equal(alerts.length, seeded.alerts);
      assert.ok(alerts.every((a) => num(a.created_at) >= NOW - 3 * DAY));
      const rows = await openings(db.sql, alerts.map((a) => a.opening_id));
      assert.ok(rows.every((r) => r.verdict !== 'PASS'));
    });

    it('keeps every ID, name, card and phone as ciphertext that opens to valid values', async () => {
      const plain = new Set<string>();
      const names = new Set<string>();
      const persons = await db.sql.all<{ id_hash: string; id_enc: string; name_enc: string; birth_date: string; region_code: string }>(
        'SELECT id_hash, id_enc, name_enc, birth_date, region_code FROM persons');
      for (const p of persons) {
        const id = vault.decrypt(p.id_enc);
        const check = checkIdNumber(id, new Date(NOW));
        assert.ok(check.ok, `${id} is a valid ID number`);
        assert.equal(vault.hash('id', id), p.id_hash);
        assert.equal(check.value.birthDate, p.birth_date);
        assert.equal(check.value.regionCode, p.region_code);
        plain.add(id);
        const name = vault.decrypt(p.name_enc);
        assert.match(name, /^\p{Script=Han}{2,3}$/u);
        if ([...name].length === 3) names.add(name);
      }
      const banks = await db.sql.all<{ card_enc: string; card_hash: string; card_last4: string; card_issuer: string; phone_enc: string; phone_hash: string; code: string; companion_phone_enc: string | null }>(
        `SELECT o.card_enc, o.card_hash, o.card_last4, o.card_issuer, o.phone_enc, o.phone_hash, i.code, o.companion_phone_enc
         FROM bank_openings o JOIN institutions i ON i.id = o.institution_id`);
      for (const b of banks) {
        const card = vault.decrypt(b.card_enc);
        const check = checkBankCard(card);
        assert.ok(check.ok && luhnValid(card), `${card} is a valid card number`);
        assert.equal(check.value.issuer?.code, b.code, `${card} is a card of ${b.code}`);
        assert.equal(b.card_issuer, b.code);
        assert.equal(card.slice(-4), b.card_last4);
        assert.equal(vault.hash('card', card), b.card_hash);
        const phone = vault.decrypt(b.phone_enc);
        assert.ok(checkMobile(phone).ok, `${phone} is a valid mobile number`);
        assert.equal(vault.hash('phone', phone), b.phone_hash);
        plain.add(card).add(phone);
        if (b.companion_phone_enc) plain.add(vault.decrypt(b.companion_phone_enc));
      }
      const sims = await db.sql.all<{ number_enc: string; number_hash: string; carrier: string; code: string }>(
        'SELECT o.number_enc, o.number_hash, o.carrier, i.code FROM sim_registrations o JOIN institutions i ON i.id = o.institution_id');
      for (const s of sims) {
        const number = vault.decrypt(s.number_enc);
        const check = checkMobile(number);
        assert.ok(check.ok, `${number} is a valid mobile number`);
        assert.equal(check.value.carrier, s.carrier);
        assert.equal(s.carrier, s.code, 'a store registers numbers of its own carrier');
        assert.equal(vault.hash('phone', number), s.number_hash);
        plain.add(number);
      }
      const watch = await db.sql.all<{ value_enc: string }>('SELECT value_enc FROM watchlist_entries');
      for (const w of watch) plain.add(vault.decrypt(w.value_enc));

      const stored = kind === 'sqlite'
        ? database.files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f).toString('latin1') + fs.readFileSync(f).toString('utf8')).join('\n')
        : await dumpPostgres(database.env);
      assert.ok(stored.length > 100_000);
      // Every run of 11+ digits in the stored bytes, cut into every window of the lengths we look for.
      const windows = new Set<string>();
      for (const run of stored.match(/[0-9X]{11,}/g) ?? []) {
        for (const len of [11, 16, 17, 18, 19]) for (let i = 0; i + len <= run.length; i++) windows.add(run.slice(i, i + len));
      }
      assert.ok(plain.size > 1000);
      for (const value of plain) assert.ok(!windows.has(value), `${value} is stored in plain text`);
      for (const name of names) assert.ok(!stored.includes(name), `${name} is stored in plain text`);
    });

    it('refuses to seed a city twice, skips with --if-empty, and adds new people with --force', async () => {
      await assert.rejects(seedDemo(db, options()), SeedRefused);
      const skipped = await seedDemo(db, options({ ifEmpty: true }));
      assert.equal(skipped.skipped, true);
      const before = num((await db.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM persons'))!.n);
      const more = await seedDemo(db, options({ force: true, people: 100, config: new AppConfig(database.env as NodeJS.ProcessEnv) }));
      assert.equal(more.org, null, 'the organisations are not written again');
      const afterCount = num((await db.sql.get<{ n: number }>('SELECT COUNT(*) AS n FROM persons'))!.n);
      assert.equal(afterCount, before + more.history!.persons);
      assert.notEqual(more.history!.seed, seeded.history!.seed, 'the seed is mixed with what is already there');
    });

    if (kind === 'sqlite') {
      it('gives the same city for the same seed, and another city for another seed', async () => {
        const build = async (seed: string) => {
          const other = await createTestDatabase('sqlite');
          const { db: otherDb, config } = await open(other);
          try {
            await seedDemo(otherDb, { ...options({ seed }), config });
            return await fingerprint(otherDb.sql);
          } finally {
            await otherDb.close();
            await other.drop();
          }
        };
        const [a, b, c] = [await build('test-city'), await build('test-city'), await build('another-city')];
        assert.equal(a, b);
        assert.notEqual(a, c);
      });

      it('runs as a command: --if-empty leaves a seeded database alone, a plain run refuses it', () => {
        const script = path.resolve(__dirname, '../src/cli/seed.js');
        const env = { PATH: process.env.PATH ?? '', ...database.env };
        const skip = spawnSync(process.execPath, [script, '--if-empty'], { env, encoding: 'utf8' });
        assert.equal(skip.status, 0, skip.stderr);
        assert.match(skip.stdout + skip.stderr, /跳过/);
        const refuse = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
        assert.equal(refuse.status, 1);
        assert.match(refuse.stderr, /--force/);
        const usage = spawnSync(process.execPath, [script, '--bogus'], { env, encoding: 'utf8' });
        assert.equal(usage.status, 1);
        assert.match(usage.stderr, /--people/);
      });
    }
  });
}
