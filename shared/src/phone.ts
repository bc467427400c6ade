import { CheckResult, checkFail, checkOk } from './check-result';
import type { Carrier, SimCardKind } from './enums';
import { compactInput, maskMiddle } from './text-input';

export type CarrierCode = Carrier;

export interface MobileInfo {
  normalized: string; // 11 digits, no country code
  carrier: CarrierCode;
  virtualOperator: boolean; // a virtual-operator (转售) number on that carrier's network
  iot: boolean; // a data-only / IoT segment: no ordinary voice service
  segment: string; // the 3- or 4-digit prefix that identified the carrier
}

export const PHONE_ERROR_CODES = ['PHONE_EMPTY', 'PHONE_FORMAT', 'PHONE_SEGMENT'] as const;
export type PhoneErrorCode = (typeof PHONE_ERROR_CODES)[number];

interface SegmentRule {
  carrier: CarrierCode;
  virtualOperator: boolean;
  iot: boolean;
}

// Number segments of the 11-digit public mobile numbering plan, as allocated by the Ministry of
// Industry and Information Technology. 4-digit entries override the 3-digit segment they are in.
// Not covered: 13-digit IoT numbers (1064x, 1065x...), which are machine-to-machine numbers no
// counter registers in a customer's name, and the satellite ranges 1741-1749.
const SEGMENTS: ReadonlyArray<readonly [CarrierCode, string, 'voice' | 'virtual' | 'iot']> = [
  ['CMCC', '134 135 136 137 138 139 147 150 151 152 157 158 159 172 178 182 183 184 187 188 195 197 198', 'voice'],
  ['CUCC', '130 131 132 145 155 156 166 175 176 185 186 196', 'voice'],
  // 1349 (former China Satcom) and 1740 are the satellite phone ranges operated by China Telecom.
  ['CTCC', '133 1349 153 1740 173 177 180 181 189 190 191 193 199', 'voice'],
  ['CBN', '192', 'voice'],
  ['CTCC', '1700 1701 1702 162', 'virtual'],
  ['CMCC', '1703 1705 1706 165', 'virtual'],
  ['CUCC', '1704 1707 1708 1709 171 167', 'virtual'],
  // Data-only segments for IoT and data cards.
  ['CMCC', '144 148', 'iot'],
  ['CUCC', '146', 'iot'],
  ['CTCC', '149 1410', 'iot'],
];

let segmentMap: Map<string, SegmentRule> | undefined;

function segments(): Map<string, SegmentRule> {
  if (segmentMap) return segmentMap;
  segmentMap = new Map();
  for (const [carrier, list, kind] of SEGMENTS) {
    for (const segment of list.split(' ')) {
      segmentMap.set(segment, { carrier, virtualOperator: kind === 'virtual', iot: kind === 'iot' });
    }
  }
  return segmentMap;
}

/** The carrier segment of an 11-digit number: the 4-digit entry where one exists, else the 3-digit one. */
export function lookupSegment(normalized: string): (SegmentRule & { segment: string }) | undefined {
  const map = segments();
  for (const length of [4, 3]) {
    const segment = normalized.slice(0, length);
    const rule = map.get(segment);
    if (rule) return { ...rule, segment };
  }
  return undefined;
}

/** '138****1234': first 3 and last 4 digits only. */
export function maskPhone(normalized: string): string {
  return maskMiddle(String(normalized ?? ''), 3, 4);
}

/** The SIM card kind a number's segment implies (IoT and virtual-operator segments). */
export function simCardKindOf(info: Pick<MobileInfo, 'iot' | 'virtualOperator'>): SimCardKind {
  if (info.iot) return 'IOT';
  if (info.virtualOperator) return 'VIRTUAL';
  return 'STANDARD';
}

/**
 * Validates a mainland mobile number as typed: an optional +86 / 0086 / 86 country code, spaces,
 * dashes and brackets are accepted; the result is the bare 11 digits and the carrier.
 */
export function checkMobile(input: string): CheckResult<MobileInfo> {
  let value = compactInput(input, /[-－—–()（）]/g);
  if (value === '') return checkFail('PHONE_EMPTY', '请输入手机号码');
  if (value.startsWith('+86')) value = value.slice(3);
  else if (value.startsWith('0086')) value = value.slice(4);
  else if (value.length === 13 && value.startsWith('86')) value = value.slice(2);
  if (/^(\+|00)/.test(value)) {
    return checkFail('PHONE_FORMAT', '只能登记中国大陆手机号码（国家代码+86），请核对号码或改用大陆手机号');
  }
  if (!/^1\d{10}$/.test(value)) {
    const digits = value.replace(/\D/g, '');
    const detail = /^\d+$/.test(value) ? `当前为${digits.length}位` : '含有数字以外的字符';
    return checkFail('PHONE_FORMAT', `手机号码应为以1开头的11位数字（可带+86），${detail}，请核对`);
  }
  const rule = lookupSegment(value);
  if (!rule) {
    return checkFail(
      'PHONE_SEGMENT',
      `号段${value.slice(0, 3)}不是已分配的手机号段，请核对号码前3至4位；如确为新号段，请联系系统管理员`,
    );
  }
  return checkOk({
    normalized: value,
    carrier: rule.carrier,
    virtualOperator: rule.virtualOperator,
    iot: rule.iot,
    segment: rule.segment,
  });
}
