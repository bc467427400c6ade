import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigError } from '../config/app-config';
import { openDatabase, type Database } from '../database/database';
import type { Sql } from '../database/sql';
import { Clock } from '../common/clock';
import { AlertPolicyBook } from '../modules/alerts/alert-policy';
import { AlertJournal } from '../modules/alerts/alert-journal';
import { AlertRaiser } from '../modules/alerts/alert-raiser';
import { AlertsRepository } from '../modules/alerts/alerts.repository';
import type { BranchRow } from '../modules/org/org.repository';
import { UnitDirectory } from '../modules/org/unit-directory';
import { buildDemoCity, DEMO_LOGINS } from '../modules/org/demo-city';
import { VaultService } from '../modules/vault/vault.service';
import { DAY } from './city-clock';
import { toSubject } from './history-judge';
import { writeDemoCity, type OrgSeedResult } from './org-seeder';
import { progressBar } from './progress';
import { generateSyntheticCity, type FlaggedOpening, type SyntheticCityResult } from './synthetic-city';

export interface SeedOptions {
  /** People in the history: ~3.3 openings each (default 900, about 3,000 openings). */
  people?: number;
  /** Days of history, ending now (default 90). */
  days?: number;
  seed?: number | string;
  /** End of the history (default: now). */
  now?: number;
  /** Add to a database that already has a city, instead of refusing. */
  force?: boolean;
  /** Do nothing (successfully) when the database already has a city. */
  ifEmpty?: boolean;
  plantedPerKind?: number;
  judge?: boolean;
  /** Raise police alerts for the flagged openings of the last N days (default 3; 0 for none). */
  alertDays?: number;
  progress?: boolean;
  /** The configuration whose vault keys seal the data (default: from the environment). */
  config?: AppConfig;
  /** Password hashing for the demo logins (default: scrypt, one salt each). */
  hashPassword?: (plain: string) => Promise<string>;
}

export interface SeedResult {
  /** Why nothing was done (`--if-empty` on a city that exists). */
  skipped: boolean;
  /** The organisations written, or null when they were already there. */
  org: OrgSeedResult | null;
  history: SyntheticCityResult | null;
  alerts: number;
  orgMs: number;
}

export class SeedRefused extends Error {}

export const DEMO_DEFAULTS = { people: 900, days: 90, seed: 'harbin' } as const;

/**
 * The demo city of Harbin with a few months of history, into `db`: the organisations and logins
 * when the database has none, then the synthetic history with its planted cases, and alerts for
 * the recent flagged openings so that the police screens have work on them.
 */
export async function seedDemo(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const institutions = Number((await db.sql.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM institutions'))!.n);
  if (institutions > 0 && options.ifEmpty) return { skipped: true, org: null, history: null, alerts: 0, orgMs: 0 };
  if (institutions > 0 && !options.force) {
    throw new SeedRefused('数据库中已有机构数据：如需在其上追加合成历史，请加 --force；启动时使用 --if-empty 跳过。');
  }
  const config = options.config ?? new AppConfig();
  const vault = new VaultService(config);
  const now = options.now ?? Date.now();

  const orgStarted = Date.now();
  let org: OrgSeedResult | null = null;
  if (institutions === 0) {
    const city = buildDemoCity();
    const hashing = progressBar('账号密码', city.staff.length, options.progress ?? Boolean(process.stderr.isTTY), process.stderr, 'logins');
    org = await writeDemoCity(db.sql, city, { now, hashPassword: options.hashPassword, onHashed: (n) => hashing.tick(n) });
    hashing.finish();
  }
  const orgMs = Date.now() - orgStarted;

  const alertDays = options.alertDays ?? 3;
  const raiser = alertDays > 0 ? alertRaiser(db.sql, config) : null;
  const alertIds = new Set<string>();
  const onFlagged = raiser
    ? async (tx: Sql, flagged: FlaggedOpening) => {
      if (flagged.at < now - alertDays * DAY) return;
      const raised = await raiser.raiseForOpening(tx, toSubject(flagged.subject), branchRow(flagged), flagged.assessment);
      // The members of an escorted group join one alert.
      if (raised) alertIds.add(raised.alertId);
    }
    : undefined;

  const history = await generateSyntheticCity(db, vault, {
    people: options.people ?? DEMO_DEFAULTS.people,
    days: options.days ?? DEMO_DEFAULTS.days,
    seed: options.seed ?? DEMO_DEFAULTS.seed,
    now,
    plantedPerKind: options.plantedPerKind,
    judge: options.judge,
    progress: options.progress,
    onFlagged,
  });
  if (alertIds.size > 0) await freshenDeadlines(db.sql, [...alertIds], now, config);
  return { skipped: false, org, history, alerts: alertIds.size, orgMs };
}

/**
 * The demo's alerts were raised "days ago", so every accept deadline has passed and the first
 * escalation sweep would lift them all to the city squad. Give the newest ones a fresh deadline so
 * that each district's officers find their own work; the two oldest stay overdue, to show how an
 * overdue alert stands out and escalates.
 */
async function freshenDeadlines(sql: Sql, alertIds: string[], now: number, config: AppConfig): Promise<void> {
  const rows = await sql.all<{ id: string }>(
    `SELECT id FROM alerts WHERE id IN (${alertIds.map(() => '?').join(', ')}) ORDER BY created_at DESC`, alertIds);
  const fresh = rows.slice(0, Math.max(0, rows.length - 2));
  await sql.transaction(async (tx) => {
    for (const { id } of fresh) {
      await tx.run('UPDATE alerts SET accept_due_at = ? WHERE id = ?', [now + config.alertAcceptMinutes * 60_000, id]);
    }
  });
}

/** The server's own alert raiser, wired by hand (no Nest container in a command-line tool). */
function alertRaiser(sql: Sql, config: AppConfig): AlertRaiser {
  const repo = new AlertsRepository(sql);
  return new AlertRaiser(config, repo, new UnitDirectory(sql), new AlertJournal(repo), new AlertPolicyBook(sql, config, new Clock()));
}

function branchRow(flagged: FlaggedOpening): BranchRow {
  const b = flagged.branch;
  return {
    id: b.id, code: b.code, name: b.name, area_code: b.areaCode, institution_id: b.institutionId,
    institution_code: b.institutionCode, institution_name: b.institutionName, institution_kind: b.kind,
  };
}

// ---- command line ---------------------------------------------------------------------------------

const USAGE = `用法: npm run seed -w @duanka/server -- [选项]

  --people N     合成历史的人数（默认 ${DEMO_DEFAULTS.people}，约 3.3 笔开户/人）
  --days D       历史天数，截至今天（默认 ${DEMO_DEFAULTS.days}，至少 30）
  --seed S       随机种子（默认 ${DEMO_DEFAULTS.seed}）：同一种子生成同一座城市
  --planted K    每类预置可疑模式的案例数（默认 人数/5000，至少 2）
  --alert-days A 为最近 A 天的可疑开户生成警情（默认 3，0 为不生成）
  --force        数据库已有数据时仍追加合成历史
  --if-empty     数据库已有机构时什么也不做（启动脚本使用）
  --progress     即使不是终端也显示进度
  --no-judge     不按规则研判历史（全部记为 PASS，更快）`;

export function parseArgs(argv: readonly string[]): SeedOptions & { help?: boolean } {
  const options: SeedOptions & { help?: boolean } = {};
  const number = (flag: string, value: string | undefined, min = 0): number => {
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n) || n < min) throw new SeedRefused(`${flag} 需要一个不小于 ${min} 的整数`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? arg.split('=', 2) as [string, string] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--people': options.people = number(flag, value(), 1); break;
      case '--days': options.days = number(flag, value(), 30); break;
      case '--seed': options.seed = value() ?? DEMO_DEFAULTS.seed; break;
      case '--planted': options.plantedPerKind = number(flag, value(), 1); break;
      case '--alert-days': options.alertDays = number(flag, value()); break;
      case '--force': options.force = true; break;
      case '--if-empty': options.ifEmpty = true; break;
      case '--progress': options.progress = true; break;
      case '--no-judge': options.judge = false; break;
      case '--help': case '-h': options.help = true; break;
      default: throw new SeedRefused(`未知选项 ${arg}\n\n${USAGE}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const config = new AppConfig();
  const logger = new Logger('Seed');
  config.announce(logger);
  const db = await openDatabase(config);
  try {
    const result = await seedDemo(db, { ...options, config });
    if (result.skipped) {
      logger.log('数据库中已有城市数据，跳过初始化（--if-empty）');
      return;
    }
    if (result.org) {
      logger.log(`哈尔滨示范城市：${result.org.institutions} 家机构、${result.org.branches} 个网点、${result.org.policeUnits} 个公安单位、${result.org.staff} 个账号（${(result.orgMs / 1000).toFixed(1)} 秒）`);
    }
    const h = result.history!;
    logger.log(`合成历史（种子 ${h.seed}）：${h.persons} 人、${h.bankOpenings} 笔银行开户、${h.simRegistrations} 张电话卡、${h.cancellations} 笔注销、`
      + `${h.watchlistEntries} 条名单；研判 PASS ${h.verdicts.PASS} / VERIFY ${h.verdicts.VERIFY} / STOP ${h.verdicts.STOP}；`
      + `${result.alerts} 条警情；${(h.ms / 1000).toFixed(1)} 秒，${h.rowsPerSecond} 行/秒`);
    const kinds = new Map<string, number>();
    for (const c of h.planted) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    logger.log(`预置可疑模式：${[...kinds].map(([k, n]) => `${k}×${n}`).join('，')}`);
    if (result.org) await printLogins(db.sql);
  } finally {
    await db.close();
  }
}

async function printLogins(sql: Sql): Promise<void> {
  const lines = ['', '演示账号（密码均为 duanka123）：'];
  for (const login of DEMO_LOGINS) {
    const row = await sql.get<{ display_name: string }>('SELECT display_name FROM staff WHERE username = ?', [login.username]);
    lines.push(`  ${login.username.padEnd(24)} ${login.role.padEnd(18)} ${row?.display_name ?? login.who}`);
  }
  console.log(lines.join('\n'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof SeedRefused || error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}
