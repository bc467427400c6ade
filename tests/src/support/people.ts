import { idCheckDigit, luhnValid } from '@duanka/shared';
import { randomInt } from 'node:crypto';

const digits = (n: number) => Array.from({ length: n }, () => randomInt(10)).join('');

/**
 * A valid resident ID issued in 南岗区 (230103): an ordinary local adult of 30 to 55, so that no
 * age or out-of-province rule fires. Random, so a run never meets a person from an earlier one.
 */
export function newIdNumber(region = '230103'): string {
  const year = 1970 + randomInt(25);
  const month = String(1 + randomInt(12)).padStart(2, '0');
  const day = String(1 + randomInt(28)).padStart(2, '0');
  const first17 = `${region}${year}${month}${day}${digits(3)}`;
  return first17 + idCheckDigit(first17);
}

/** A Luhn-valid 19-digit debit card of 中国工商银行 (BIN 622202), the demo teller's bank. */
export function newIcbcCard(): string {
  const body = `622202${digits(12)}`;
  for (let check = 0; check <= 9; check++) if (luhnValid(body + check)) return body + check;
  throw new Error('unreachable: one check digit always satisfies Luhn');
}

/** A China Mobile number nobody else in the city has reserved. */
export function newMobile(): string {
  return `139${digits(8)}`;
}

const SURNAMES = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王'];
const GIVEN = ['明远', '晓东', '春燕', '立新', '雪梅', '建华', '海涛', '丽娜'];

export function newName(): string {
  return SURNAMES[randomInt(SURNAMES.length)] + GIVEN[randomInt(GIVEN.length)];
}

/** "230103********1234": how every screen shows the ID. */
export function masked(idNumber: string): string {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}

/** Today in Harbin (UTC+8), as GET /api/openings?date= expects it. */
export function cityToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
