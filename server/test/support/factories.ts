import { idCheckDigit, luhnValid } from '@duanka/shared';
import { randomUUID } from 'node:crypto';
import type { Sql } from '../../src/database/sql';
import { hashPassword } from '../../src/modules/auth/password';

/** A valid 18-digit resident ID: region, birth date 'YYYYMMDD', 3-digit sequence (odd = male). */
export function idNumber(region = '230103', birth = '19900101', sequence = 1): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

/** A Luhn-valid card number from a BIN (ICBC's 622202 by default). */
export function cardNumber(serial: number, bin = '622202', length = 19): string {
  const body = `${bin}${String(serial).padStart(length - bin.length - 1, '0')}`;
  for (let digit = 0; digit <= 9; digit++) if (luhnValid(body + digit)) return body + digit;
  throw new Error('unreachable');
}

/** A China Mobile number (139 segment). */
export function mobile(serial: number, segment = '139'): string {
  return `${segment}${String(serial).padStart(8, '0')}`;
}

export const CCB_BIN = '621700';
export const ABC_BIN = '622848';
export const BOC_BIN = '621661';

/**
 * A small city for tests: two banks and a carrier in 南岗区 (230103), one bank branch in 道里区
 * (230102), the police tree city → two district bureaus → a station, and staff for every role.
 */
export const CITY = {
  institutions: {
    icbc: { id: randomUUID(), code: 'ICBC', name: '中国工商银行', kind: 'BANK' },
    ccb: { id: randomUUID(), code: 'CCB', name: '中国建设银行', kind: 'BANK' },
    cmcc: { id: randomUUID(), code: 'CMCC', name: '中国移动', kind: 'CARRIER' },
    abc: { id: randomUUID(), code: 'ABC', name: '中国农业银行', kind: 'BANK' },
    boc: { id: randomUUID(), code: 'BOC', name: '中国银行', kind: 'BANK' },
  },
  branches: {
    icbcNangang: { id: randomUUID(), institution: 'icbc', code: 'ICBC-NG-01', name: '工商银行南岗支行', area: '230103001' },
    icbcDaoli: { id: randomUUID(), institution: 'icbc', code: 'ICBC-DL-01', name: '工商银行道里支行', area: '230102001' },
    ccbNangang: { id: randomUUID(), institution: 'ccb', code: 'CCB-NG-01', name: '建设银行南岗支行', area: '230103002' },
    cmccNangang: { id: randomUUID(), institution: 'cmcc', code: 'CMCC-NG-01', name: '中国移动南岗营业厅', area: '230103003' },
    // A quiet branch in 松北区, which no district bureau of this small city owns: the squad does.
    icbcSongbei: { id: randomUUID(), institution: 'icbc', code: 'ICBC-SB-01', name: '工商银行松北支行', area: '230109001' },
    abcNangang: { id: randomUUID(), institution: 'abc', code: 'ABC-NG-01', name: '农业银行南岗支行', area: '230103004' },
    bocDaoli: { id: randomUUID(), institution: 'boc', code: 'BOC-DL-01', name: '中国银行道里支行', area: '230102002' },
  },
  units: {
    city: { id: randomUUID(), parent: null, code: 'HRB', name: '哈尔滨市公安局反电诈中心', level: 'CITY', areas: ['2301'] },
    nangang: { id: randomUUID(), parent: 'city', code: 'HRB-NG', name: '南岗分局', level: 'DISTRICT', areas: ['230103'] },
    nangangStation: { id: randomUUID(), parent: 'nangang', code: 'HRB-NG-01', name: '南岗分局花园街派出所', level: 'STATION', areas: ['230103001'] },
    daoli: { id: randomUUID(), parent: 'city', code: 'HRB-DL', name: '道里分局', level: 'DISTRICT', areas: ['230102'] },
  },
  staff: {
    tellerIcbcNangang: { role: 'TELLER', branch: 'icbcNangang' },
    tellerIcbcDaoli: { role: 'TELLER', branch: 'icbcDaoli' },
    tellerCcbNangang: { role: 'TELLER', branch: 'ccbNangang' },
    tellerCmccNangang: { role: 'TELLER', branch: 'cmccNangang' },
    tellerIcbcSongbei: { role: 'TELLER', branch: 'icbcSongbei' },
    tellerAbcNangang: { role: 'TELLER', branch: 'abcNangang' },
    tellerBocDaoli: { role: 'TELLER', branch: 'bocDaoli' },
    icbcAdmin: { role: 'INSTITUTION_ADMIN', institution: 'icbc' },
    officerNangang: { role: 'POLICE_OFFICER', unit: 'nangang' },
    officerStation: { role: 'POLICE_OFFICER', unit: 'nangangStation' },
    officerDaoli: { role: 'POLICE_OFFICER', unit: 'daoli' },
    squad: { role: 'SQUAD_ADMIN', unit: 'city' },
    sysAdmin: { role: 'SYSTEM_ADMIN' },
  },
} as const;

export type StaffKey = keyof typeof CITY.staff;

export async function seedTestCity(sql: Sql, password = 'duanka123'): Promise<void> {
  const now = Date.now();
  const hash = await hashPassword(password); // one hash for all: the test only needs logins to work
  await sql.transaction(async (tx) => {
    for (const i of Object.values(CITY.institutions)) {
      await tx.run('INSERT INTO institutions (id, code, name, kind, created_at) VALUES (?, ?, ?, ?, ?)', [i.id, i.code, i.name, i.kind, now]);
    }
    for (const b of Object.values(CITY.branches)) {
      await tx.run('INSERT INTO branches (id, institution_id, code, name, area_code, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [b.id, CITY.institutions[b.institution].id, b.code, b.name, b.area, now]);
    }
    for (const u of Object.values(CITY.units)) {
      await tx.run('INSERT INTO police_units (id, parent_id, code, name, level, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [u.id, u.parent ? CITY.units[u.parent].id : null, u.code, u.name, u.level, now]);
      for (const area of u.areas) await tx.run('INSERT INTO police_unit_areas (unit_id, area_prefix) VALUES (?, ?)', [u.id, area]);
    }
    for (const [username, s] of Object.entries(CITY.staff)) {
      const branch = 'branch' in s ? CITY.branches[s.branch] : undefined;
      const institutionId = branch ? CITY.institutions[branch.institution].id : 'institution' in s ? CITY.institutions[s.institution].id : null;
      await tx.run(
        `INSERT INTO staff (id, username, display_name, role, password_hash, institution_id, branch_id, police_unit_id, active, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [randomUUID(), username, username, s.role, hash, institutionId, branch?.id ?? null, 'unit' in s ? CITY.units[s.unit].id : null, true, now],
      );
    }
  });
}
