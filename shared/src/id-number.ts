import { CheckResult, checkFail, checkOk } from './check-result';
import { CalendarDate, chinaCalendarDate, compareDates, formatIsoDate, isRealDate, parseIsoDate } from './china-date';
import { resolveAddressCode } from './regions';
import { compactInput, maskMiddle } from './text-input';

// Citizen identity numbers, GB 11643-1999: 6-digit address code (GB/T 2260), 8-digit birth date,
// 3-digit sequence (odd for men, even for women), ISO 7064 MOD 11-2 check character.

export interface IdNumberInfo {
  normalized: string; // 18 chars, uppercase X
  birthDate: string; // 'YYYY-MM-DD'
  sex: 'M' | 'F';
  regionCode: string; // 6 digits as in the number
  provinceName: string;
  cityName?: string;
  countyName?: string;
  regionName: string; // e.g. '黑龙江省哈尔滨市南岗区'
  provinceCode: string; // 2 digits
  /** The code is no longer current but was a valid GB/T 2260 code (or see regionExact). */
  historicalRegion: boolean;
  /**
   * false when the county part of the code is not in the division table and only its province
   * and city were recognised (then historicalRegion is true and countyName absent).
   */
  regionExact: boolean;
}

export const ID_ERROR_CODES = ['ID_EMPTY', 'ID_FORMAT', 'ID_LEGACY_15', 'ID_CHECKSUM', 'ID_BIRTH_DATE', 'ID_REGION'] as const;
export type IdErrorCode = (typeof ID_ERROR_CODES)[number];

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH: CalendarDate = { year: 1900, month: 1, day: 1 };

/**
 * The check character of an ID number (ISO 7064 MOD 11-2) for its first 17 digits.
 * Throws a RangeError when given anything but 17 digits: that is a programming error, not input.
 */
export function idCheckDigit(first17: string): string {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) {
    throw new RangeError('idCheckDigit expects exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Whole years from a 'YYYY-MM-DD' birth date to the Chinese calendar date of `on`; NaN for a bad date. */
export function ageOn(birthDate: string, on: Date): number {
  const birth = parseIsoDate(birthDate);
  if (!birth || Number.isNaN(on.getTime())) return Number.NaN;
  const day = chinaCalendarDate(on);
  const age = day.year - birth.year;
  // Born on 29 February: one year older on 1 March in common years.
  const beforeBirthday = day.month < birth.month || (day.month === birth.month && day.day < birth.day);
  return beforeBirthday ? age - 1 : age;
}

/** '230102********1234': first 6 and last 4 characters only. */
export function maskIdNumber(normalized: string): string {
  return maskMiddle(String(normalized ?? ''), 6, 4);
}

/**
 * Validates an ID number as typed or scanned at the counter (spaces, full-width digits and a
 * lowercase x are accepted) and reads what it says about its holder.
 * `today` is the reference for "birth date not in the future"; it defaults to now.
 */
export function checkIdNumber(input: string, today: Date = new Date()): CheckResult<IdNumberInfo> {
  const value = compactInput(input, /[-]/g).toUpperCase();
  if (value === '') {
    return checkFail('ID_EMPTY', '请输入身份证号码');
  }
  // Decision: 15-digit first-generation numbers are rejected, not converted to 18 digits.
  // First-generation ID cards stopped being valid on 1 January 2013; opening an account or a
  // number needs a valid identity document, so the customer must show a current 18-digit card.
  if (/^\d{15}$/.test(value)) {
    return checkFail(
      'ID_LEGACY_15',
      '这是15位的第一代身份证号码，第一代身份证已于2013年1月1日起停止使用，请客户出示有效的18位第二代居民身份证',
    );
  }
  if (value.length !== 18) {
    return checkFail('ID_FORMAT', `身份证号码应为18位，当前输入为${value.length}位，请核对是否漏输或多输`);
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return checkFail('ID_FORMAT', '身份证号码前17位只能是数字，最后一位为数字或X，请核对后重新输入');
  }
  if (idCheckDigit(value.slice(0, 17)) !== value[17]) {
    return checkFail('ID_CHECKSUM', '身份证号码校验位不正确，请逐位核对号码，尤其是最后一位（X不能输成其他字符）');
  }

  const birth: CalendarDate = {
    year: Number(value.slice(6, 10)),
    month: Number(value.slice(10, 12)),
    day: Number(value.slice(12, 14)),
  };
  const birthText = `${value.slice(6, 10)}年${value.slice(10, 12)}月${value.slice(12, 14)}日`;
  if (!isRealDate(birth)) {
    return checkFail('ID_BIRTH_DATE', `身份证号码第7至14位的出生日期（${birthText}）不是有效日期，请核对`);
  }
  if (compareDates(birth, EARLIEST_BIRTH) < 0) {
    return checkFail('ID_BIRTH_DATE', `身份证号码中的出生日期（${birthText}）早于1900年，请核对第7至14位`);
  }
  if (compareDates(birth, chinaCalendarDate(today)) > 0) {
    return checkFail('ID_BIRTH_DATE', `身份证号码中的出生日期（${birthText}）晚于今天，请核对第7至14位`);
  }

  const regionCode = value.slice(0, 6);
  const match = resolveAddressCode(regionCode);
  if (!match) {
    return checkFail('ID_REGION', `身份证号码前6位地区码（${regionCode}）不是有效的行政区划代码，请核对前6位`);
  }
  const { region, exact } = match;
  const info: IdNumberInfo = {
    normalized: value,
    birthDate: formatIsoDate(birth),
    sex: Number(value[16]) % 2 === 1 ? 'M' : 'F',
    regionCode,
    provinceName: region.provinceName,
    regionName: region.regionName,
    provinceCode: region.provinceCode,
    historicalRegion: !exact || !region.current,
    regionExact: exact,
  };
  if (region.cityName !== undefined) info.cityName = region.cityName;
  if (region.countyName !== undefined) info.countyName = region.countyName;
  return checkOk(info);
}
