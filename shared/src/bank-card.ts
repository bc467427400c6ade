import { CheckResult, checkFail, checkOk } from './check-result';
import { BANK_ISSUERS, BIN_ROWS } from './data/bank-bins';
import { compactInput } from './text-input';

export type BankCardType = 'DEBIT' | 'CREDIT';

export interface BankCardInfo {
  normalized: string; // digits only
  last4: string;
  issuer?: { code: string; name: string };
  cardType?: BankCardType;
}

export const CARD_ERROR_CODES = ['CARD_EMPTY', 'CARD_FORMAT', 'CARD_LENGTH', 'CARD_LUHN'] as const;
export type CardErrorCode = (typeof CARD_ERROR_CODES)[number];

// Decision: 15 to 19 digits. UnionPay cards have 16-19 digits, but Chinese banks also issued
// 15-digit American Express co-branded credit cards (37xxxx, e.g. 工商银行, 招商银行), which are
// in the BIN table; a 15-digit number is accepted so that those are not turned away.
export const CARD_MIN_LENGTH = 15;
export const CARD_MAX_LENGTH = 19;

/** The Luhn (mod 10) check used by every UnionPay, Visa and Mastercard number. */
export function luhnValid(digits: string): boolean {
  if (typeof digits !== 'string' || !/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** '6222 **** **** 1234': first 4 and last 4 digits only; the length is not shown either. */
export function maskCardNumber(normalized: string): string {
  const digits = String(normalized ?? '').replace(/\D/g, '');
  if (digits.length < 12) return '**** **** ****';
  return `${digits.slice(0, 4)} **** **** ${digits.slice(-4)}`;
}

interface BinEntry {
  issuer: string;
  type: 'D' | 'C' | 'S' | 'P';
  length: number;
}

interface BinIndex {
  names: Map<string, string>;
  byPrefix: Map<string, BinEntry[]>;
  prefixLengths: number[]; // longest first
}

let binIndex: BinIndex | undefined;

function loadBinIndex(): BinIndex {
  if (binIndex) return binIndex;
  const names = new Map<string, string>(BANK_ISSUERS.map(([code, name]) => [code, name]));
  const byPrefix = new Map<string, BinEntry[]>();
  const lengths = new Set<number>();
  for (const row of BIN_ROWS) {
    const [issuer, type, length, prefixes] = row.split(':');
    for (const prefix of prefixes.split(',')) {
      const entries = byPrefix.get(prefix) ?? [];
      entries.push({ issuer, type: type as BinEntry['type'], length: Number(length) });
      byPrefix.set(prefix, entries);
      lengths.add(prefix.length);
    }
  }
  binIndex = { names, byPrefix, prefixLengths: [...lengths].sort((a, b) => b - a) };
  return binIndex;
}

/**
 * The issuer of a card number from its BIN: the longest known prefix, preferring an entry for the
 * number's length. The table is partial (see scripts/build-bins.mjs); undefined means unknown.
 */
export function lookupCardIssuer(digits: string): Pick<BankCardInfo, 'issuer' | 'cardType'> | undefined {
  const index = loadBinIndex();
  for (const prefixLength of index.prefixLengths) {
    if (digits.length <= prefixLength) continue;
    const entries = index.byPrefix.get(digits.slice(0, prefixLength));
    if (!entries) continue;
    const entry = entries.find((e) => e.length === digits.length) ?? entries[0];
    const name = index.names.get(entry.issuer) ?? entry.issuer;
    const result: Pick<BankCardInfo, 'issuer' | 'cardType'> = { issuer: { code: entry.issuer, name } };
    // Semi-credit cards (准贷记卡) carry a credit line; prepaid cards have no card type here.
    if (entry.type === 'D') result.cardType = 'DEBIT';
    else if (entry.type === 'C' || entry.type === 'S') result.cardType = 'CREDIT';
    return result;
  }
  return undefined;
}

/** The Chinese name of an issuer code from the BIN table ('ICBC' → '中国工商银行'). */
export function bankIssuerName(code: string): string | undefined {
  return loadBinIndex().names.get(code);
}

/** Validates a card number as typed (spaces and dashes allowed) and finds its issuer where known. */
export function checkBankCard(input: string): CheckResult<BankCardInfo> {
  const value = compactInput(input, /[-－—–]/g);
  if (value === '') return checkFail('CARD_EMPTY', '请输入银行卡号');
  if (!/^\d+$/.test(value)) {
    return checkFail('CARD_FORMAT', '银行卡号只能包含数字（可带空格或短横线），请核对后重新输入');
  }
  if (value.length < CARD_MIN_LENGTH || value.length > CARD_MAX_LENGTH) {
    return checkFail(
      'CARD_LENGTH',
      `银行卡号应为${CARD_MIN_LENGTH}至${CARD_MAX_LENGTH}位数字，当前为${value.length}位，请核对是否漏输或多输`,
    );
  }
  if (!luhnValid(value)) {
    return checkFail('CARD_LUHN', '银行卡号校验未通过，可能有数字输错或顺序颠倒，请对照卡面逐位核对');
  }
  const info: BankCardInfo = { normalized: value, last4: value.slice(-4) };
  const issuer = lookupCardIssuer(value);
  if (issuer?.issuer) info.issuer = issuer.issuer;
  if (issuer?.cardType) info.cardType = issuer.cardType;
  return checkOk(info);
}
