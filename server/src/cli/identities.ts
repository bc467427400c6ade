import { idCheckDigit } from '@duanka/shared';
import type { Prng } from './prng';

/**
 * Valid-looking, never-real personal data for the synthetic city: ID numbers with the right check
 * digit and real region codes, Luhn-valid card numbers on real BINs of the right bank, and mobile
 * numbers in segments of the right carrier. Uniqueness comes from counters pushed through a
 * bijection, not from luck.
 */

/** Where the city's people were registered (GB/T 2260), with weights. */
export const HARBIN_REGIONS: readonly (readonly [string, number])[] = [
  ['230102', 14], ['230103', 16], ['230104', 10], ['230108', 3], ['230109', 4], ['230110', 12], ['230111', 5], ['230112', 4],
  ['230113', 5], ['230123', 2], ['230124', 1], ['230125', 3], ['230126', 3], ['230127', 1], ['230128', 1], ['230129', 1],
  ['230183', 3], ['230184', 4],
];

/** Elsewhere in Heilongjiang: still local for the rules (province 23). */
export const HEILONGJIANG_REGIONS: readonly (readonly [string, number])[] = [
  ['230202', 2], ['230203', 1], ['230302', 1], ['230402', 1], ['230502', 1], ['230602', 2], ['230604', 1],
  ['230803', 1], ['230902', 1], ['231002', 2], ['231102', 1], ['231202', 2],
];

/** Other provinces: the non-local customers, and the recruited youth of the farmer patterns. */
export const OTHER_PROVINCE_REGIONS: readonly (readonly [string, number])[] = [
  ['220102', 3], ['220202', 1], ['210102', 2], ['210202', 1], ['150102', 1], ['130102', 1], ['370102', 1], ['410102', 1],
  ['420102', 1], ['430102', 1], ['440106', 1], ['450102', 2], ['510104', 1], ['520102', 2], ['530102', 2], ['350102', 1],
  ['360102', 1], ['610102', 1], ['620102', 1],
];

const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰红梅鑫宇浩然博文俊凯子轩思雨欣怡佳琪晨阳建国志强海燕淑珍秀云丹丹丽丽婷婷'];

export function chineseName(prng: Prng): string {
  const surname = prng.pick(SURNAMES);
  return prng.chance(0.6) ? surname + prng.pick(GIVEN) + prng.pick(GIVEN) : surname + prng.pick(GIVEN);
}

/** 18-digit resident ID: region, birth date 'YYYYMMDD', 3-digit sequence (odd = male), check digit. */
export function idNumber(region: string, birth: string, sequence: number): string {
  const first17 = `${region}${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

/** The check digit that makes `body` + digit pass Luhn. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Debit-card BINs per issuer code, with the card length. Institution codes of the demo banks are
 * these issuer codes, so a card made here is recognised by `checkBankCard` as the branch's bank.
 */
export const CARD_BINS: Readonly<Record<string, readonly { bin: string; length: number }[]>> = {
  ICBC: [{ bin: '621226', length: 19 }, { bin: '621558', length: 19 }],
  ABC: [{ bin: '622848', length: 19 }, { bin: '622845', length: 19 }],
  BOC: [{ bin: '621661', length: 19 }, { bin: '621663', length: 19 }],
  CCB: [{ bin: '621700', length: 19 }, { bin: '622700', length: 19 }],
  COMM: [{ bin: '622262', length: 19 }],
  PSBC: [{ bin: '621799', length: 19 }, { bin: '622188', length: 19 }],
  CMB: [{ bin: '622588', length: 16 }, { bin: '621483', length: 16 }],
  CITIC: [{ bin: '622690', length: 16 }],
  CEB: [{ bin: '622660', length: 16 }],
  CMBC: [{ bin: '622622', length: 16 }],
  CIB: [{ bin: '622908', length: 18 }],
  SPDB: [{ bin: '622521', length: 16 }],
  PAB: [{ bin: '621626', length: 19 }],
  HRBB: [{ bin: '621577', length: 19 }],
  LJB: [{ bin: '621037', length: 19 }],
};

/** Voice segments per carrier (no virtual-operator, IoT or satellite ranges such as 1349). */
export const MOBILE_SEGMENTS: Readonly<Record<string, readonly string[]>> = {
  CMCC: ['135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '178', '182', '183', '184', '187', '188', '195', '198'],
  CUCC: ['130', '131', '132', '155', '156', '166', '175', '176', '185', '186', '196'],
  CTCC: ['133', '153', '173', '177', '180', '181', '189', '190', '191', '193', '199'],
  CBN: ['192'],
};

/** Market shares of the carriers, for whose number a person has. */
export const CARRIER_SHARE: readonly (readonly [string, number])[] = [['CMCC', 58], ['CTCC', 20], ['CUCC', 19], ['CBN', 3]];

/**
 * Hands out distinct numbers: counter i → (i·multiplier + offset) mod 10^k is a bijection when the
 * multiplier is prime to 10, so the numbers look scattered but never repeat.
 */
export class NumberMint {
  private phoneCounter = 0;
  private cardCounter = 0;
  private readonly phoneOffset: number;
  private readonly cardOffset: number;

  constructor(prng: Prng) {
    this.phoneOffset = prng.int(100_000_000);
    this.cardOffset = prng.int(1_000_000_000);
  }

  /** A fresh mobile number of the carrier (its basic segments). */
  mobile(carrier: string, prng: Prng): string {
    const segments = MOBILE_SEGMENTS[carrier];
    if (!segments) throw new Error(`no mobile segments for carrier ${carrier}`);
    const n = (this.phoneCounter++ * 7_368_787 + this.phoneOffset) % 100_000_000;
    return prng.pick(segments) + String(n).padStart(8, '0');
  }

  /** A fresh card number of the bank: BIN + serial + Luhn digit. */
  card(issuer: string, prng: Prng): string {
    const bins = CARD_BINS[issuer];
    if (!bins) throw new Error(`no card BIN for issuer ${issuer}`);
    const { bin, length } = prng.pick(bins);
    const width = length - bin.length - 1;
    // 9 scattered digits (distinct per card), topped up with random ones for longer cards.
    const serial = String((this.cardCounter++ * 735_134_407 + this.cardOffset) % 1_000_000_000).padStart(9, '0');
    const body = bin + prng.digits(width - 9) + serial;
    return body + luhnCheckDigit(body);
  }
}
