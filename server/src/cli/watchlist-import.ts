import { Logger } from '@nestjs/common';
import * as fs from 'node:fs';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { openDatabase } from '../database/database';
import { AuditService } from '../modules/audit/audit.service';
import type { Actor } from '../modules/auth/actor';
import { OrgRepository } from '../modules/org/org.repository';
import { WatchlistService } from '../modules/risk/watchlist.service';
import { VaultService } from '../modules/vault/vault.service';
import { progressBar } from './progress';

const USAGE = `用法: npm run watchlist:import -w @duanka/server -- <文件.csv> --as <反诈中心账号>
  CSV 表头：kind,target,value,reason,expiresAt（kind: PUNISHED / FRAUD_LINKED / VULNERABLE；target: PERSON / PHONE / CARD）
  错误行逐行列出且不入库，其余行一次写入。`;

/** Bulk import of a watchlist CSV from the command line, with a progress bar and a per-line report. */
async function main(argv: string[]): Promise<number> {
  const file = argv.find((a) => !a.startsWith('--'));
  const as = argv[argv.indexOf('--as') + 1];
  if (!file || argv.indexOf('--as') < 0 || !as) {
    console.error(USAGE);
    return 2;
  }
  const config = new AppConfig();
  const db = await openDatabase(config, new Logger('Import'));
  try {
    const staff = await new OrgRepository(db.sql).staffByUsername(as);
    if (!staff || staff.role !== 'SQUAD_ADMIN' || !staff.active) {
      console.error(`账号 ${as} 不存在或不是反诈中心管理员：名单只能由反诈中心导入`);
      return 2;
    }
    const actor: Actor = {
      id: staff.id, username: staff.username, displayName: staff.display_name, role: staff.role, institutionId: null, branchId: null,
      policeUnitId: staff.police_unit_id, jurisdiction: [], ip: 'cli',
    };
    const csv = fs.readFileSync(file, 'utf8');
    const lines = csv.split(/\r?\n/).length - 1;
    const bar = progressBar('名单导入', Math.max(1, lines), true, process.stderr, '行');
    const service = new WatchlistService(db.sql, new VaultService(config), new AuditService(db.sql), new Clock());
    const report = await service.importCsv(actor, csv, (done) => bar.tick(done));
    bar.finish();
    console.log(`导入 ${report.imported} 条，拒绝 ${report.errors.length} 行`);
    for (const error of report.errors) console.log(`  第 ${error.line} 行：${error.message}（${error.code}）`);
    return report.errors.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
