import type { InstitutionKind, PoliceUnitLevel, Role } from '@duanka/shared';
import { createHash } from 'node:crypto';

/**
 * The demo city of Harbin: its 18 districts and counties (GB/T 2260), the banks and carriers with
 * branches spread over them, the four-level police tree, and one login per role. Pure data, built
 * the same way every time, so that ids and usernames are stable across seeds and machines.
 *
 * District codes are GB/T 2260. Street and town codes follow the statistics bureau's scheme
 * (district + 001-099 for streets, 100-199 for towns); the names are real Harbin streets and towns,
 * the exact three-digit numbers are illustrative.
 */

export interface Street {
  /** 9 digits: district code + 3. */
  code: string;
  name: string;
  /** What a branch or station is named after: 花园街, 兆麟, 依兰镇. */
  short: string;
}

export interface District {
  code: string;
  name: string;
  /** 南岗 (区/县 dropped where the name stays readable). */
  short: string;
  /** Pinyin slug used in usernames. */
  slug: string;
  urban: boolean;
  bureau: string;
  streets: Street[];
}

const street = (district: string, n: number, name: string, short: string): Street => ({
  code: `${district}${String(n).padStart(3, '0')}`, name, short,
});

function district(code: string, name: string, short: string, slug: string, urban: boolean, streets: [string, string][]): District {
  // Urban streets (街道) count from 001, county towns (镇) from 100.
  const first = urban ? 1 : 100;
  return {
    code, name, short, slug, urban,
    bureau: urban ? `哈尔滨市公安局${short}分局` : `${name}公安局`,
    streets: streets.map(([n, s], i) => street(code, first + i, n, s)),
  };
}

export const CITY_AREA_PREFIX = '2301';
export const CITY_NAME = '哈尔滨市';

export const HARBIN_DISTRICTS: readonly District[] = [
  district('230102', '道里区', '道里', 'daoli', true, [['兆麟街道', '兆麟'], ['新阳路街道', '新阳路'], ['抚顺街道', '抚顺'], ['安化街道', '安化'], ['共乐街道', '共乐'], ['斯大林街道', '斯大林街']]),
  district('230103', '南岗区', '南岗', 'nangang', true, [['花园街道', '花园街'], ['大成街道', '大成街'], ['七政街道', '七政街'], ['曲线街道', '曲线'], ['奋斗路街道', '奋斗路'], ['哈西街道', '哈西']]),
  district('230104', '道外区', '道外', 'daowai', true, [['靖宇街道', '靖宇'], ['太古街道', '太古'], ['东莱街道', '东莱'], ['滨江街道', '滨江'], ['仁里街道', '仁里']]),
  district('230108', '平房区', '平房', 'pingfang', true, [['兴建街道', '兴建'], ['保国街道', '保国'], ['联盟街道', '联盟'], ['友协街道', '友协']]),
  district('230109', '松北区', '松北', 'songbei', true, [['松浦街道', '松浦'], ['万宝街道', '万宝'], ['太阳岛街道', '太阳岛'], ['松北街道', '松北']]),
  district('230110', '香坊区', '香坊', 'xiangfang', true, [['香坊大街街道', '香坊大街'], ['通天街道', '通天'], ['新香坊街道', '新香坊'], ['铁东街道', '铁东'], ['安埠街道', '安埠']]),
  district('230111', '呼兰区', '呼兰', 'hulan', true, [['兰河街道', '兰河'], ['呼兰街道', '呼兰'], ['建设路街道', '建设路'], ['利民街道', '利民']]),
  district('230112', '阿城区', '阿城', 'acheng', true, [['金城街道', '金城'], ['金都街道', '金都'], ['通城街道', '通城'], ['河东街道', '河东']]),
  district('230113', '双城区', '双城', 'shuangcheng', true, [['承旭街道', '承旭'], ['承恩街道', '承恩'], ['永和街道', '永和']]),
  district('230123', '依兰县', '依兰', 'yilan', false, [['依兰镇', '依兰镇'], ['达连河镇', '达连河镇']]),
  district('230124', '方正县', '方正', 'fangzheng', false, [['方正镇', '方正镇'], ['会发镇', '会发镇']]),
  district('230125', '宾县', '宾县', 'binxian', false, [['宾州镇', '宾州镇'], ['宾西镇', '宾西镇']]),
  district('230126', '巴彦县', '巴彦', 'bayan', false, [['巴彦镇', '巴彦镇'], ['兴隆镇', '兴隆镇']]),
  district('230127', '木兰县', '木兰', 'mulan', false, [['木兰镇', '木兰镇'], ['东兴镇', '东兴镇']]),
  district('230128', '通河县', '通河', 'tonghe', false, [['通河镇', '通河镇'], ['乌鸦泡镇', '乌鸦泡镇']]),
  district('230129', '延寿县', '延寿', 'yanshou', false, [['延寿镇', '延寿镇'], ['六团镇', '六团镇']]),
  district('230183', '尚志市', '尚志', 'shangzhi', false, [['尚志镇', '尚志镇'], ['一面坡镇', '一面坡镇'], ['亚布力镇', '亚布力镇']]),
  district('230184', '五常市', '五常', 'wuchang', false, [['五常镇', '五常镇'], ['拉林镇', '拉林镇'], ['山河镇', '山河镇']]),
];

const URBAN = HARBIN_DISTRICTS.filter((d) => d.urban).map((d) => d.code);
const ALL = HARBIN_DISTRICTS.map((d) => d.code);
const CORE = ['230102', '230103', '230104', '230110'];

/** Where an institution has branches: district code → number of branches there. */
type Footprint = Record<string, number>;
const spread = (codes: readonly string[], extra: Record<string, number> = {}): Footprint =>
  Object.fromEntries(codes.map((c) => [c, 1 + (extra[c] ?? 0)]));

export interface InstitutionPlan {
  code: string;
  name: string;
  kind: InstitutionKind;
  /** How its branches are called: 中国工商银行哈尔滨南岗支行, 中国移动哈尔滨南岗花园街营业厅. */
  brand: string;
  footprint: Footprint;
}

const bank = (code: string, name: string, footprint: Footprint, brand = name): InstitutionPlan => ({ code, name, kind: 'BANK', brand, footprint });
const carrier = (code: string, name: string, footprint: Footprint): InstitutionPlan => ({ code, name, kind: 'CARRIER', brand: name, footprint });
const COUNTY_CITIES = ['230183', '230184'];

/** Institution `code` is the issuer code of the bank's card BINs, or the carrier code of its numbers. */
export const DEMO_INSTITUTIONS: readonly InstitutionPlan[] = [
  bank('ICBC', '中国工商银行', spread([...URBAN, ...COUNTY_CITIES], { 230102: 1, 230103: 1 })),
  bank('ABC', '中国农业银行', spread(ALL, { 230103: 1 })),
  bank('BOC', '中国银行', spread([...URBAN, ...COUNTY_CITIES], { 230103: 1 })),
  bank('CCB', '中国建设银行', spread([...URBAN, ...COUNTY_CITIES], { 230102: 1, 230103: 1 })),
  bank('COMM', '交通银行', spread([...CORE, '230108', '230109'])),
  bank('PSBC', '中国邮政储蓄银行', spread(ALL)),
  bank('CMB', '招商银行', spread(CORE)),
  bank('CITIC', '中信银行', spread(CORE)),
  bank('CEB', '中国光大银行', spread(CORE)),
  bank('CMBC', '中国民生银行', spread(CORE)),
  bank('CIB', '兴业银行', spread(CORE)),
  bank('SPDB', '上海浦东发展银行', spread(CORE)),
  bank('PAB', '平安银行', spread(CORE)),
  bank('HRBB', '哈尔滨银行', spread([...URBAN, ...COUNTY_CITIES], { 230103: 1 })),
  bank('LJB', '龙江银行', spread(URBAN)),
  carrier('CMCC', '中国移动', spread(ALL, { 230102: 1, 230103: 1 })),
  carrier('CUCC', '中国联通', spread(ALL)),
  carrier('CTCC', '中国电信', spread(ALL)),
  carrier('CBN', '中国广电', spread(URBAN)),
];

export const DEMO_PASSWORD = 'duanka123';

export interface DemoInstitution {
  id: string;
  code: string;
  name: string;
  kind: InstitutionKind;
}

export interface DemoBranch {
  id: string;
  institutionId: string;
  institutionCode: string;
  code: string;
  name: string;
  areaCode: string;
  districtCode: string;
  address: string;
}

export interface DemoPoliceUnit {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: PoliceUnitLevel;
  areas: string[];
}

export interface DemoStaff {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  branchId: string | null;
  policeUnitId: string | null;
}

export interface DemoCity {
  institutions: DemoInstitution[];
  branches: DemoBranch[];
  policeUnits: DemoPoliceUnit[];
  staff: DemoStaff[];
}

/** A stable id from a stable name: the same city gets the same ids on every machine. */
export function stableId(name: string): string {
  const h = createHash('sha1').update(`duanka-demo-city:${name}`).digest('hex');
  // RFC 4122 layout, version 5 (name-based, SHA-1).
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function branchName(plan: InstitutionPlan, d: District, s: Street, nth: number): string {
  if (plan.kind === 'CARRIER') return d.urban ? `${plan.brand}哈尔滨${d.short}${s.short}营业厅` : `${plan.brand}${d.name}${s.short}营业厅`;
  if (!d.urban) return nth === 0 ? `${plan.brand}${d.name}支行` : `${plan.brand}${d.name}${s.short}支行`;
  // Harbin's own banks do not repeat the city's name.
  const city = plan.code === 'HRBB' ? '' : '哈尔滨';
  return nth === 0 ? `${plan.brand}${city}${d.short}支行` : `${plan.brand}${city}${s.short}支行`;
}

/** Stations per district, and which streets each owns; some stations have a community post. */
function policeTree(): DemoPoliceUnit[] {
  const city: DemoPoliceUnit = {
    id: stableId('unit:HRB'), parentId: null, code: 'HRB', name: '哈尔滨市公安局反电诈中心', level: 'CITY', areas: [CITY_AREA_PREFIX],
  };
  const units: DemoPoliceUnit[] = [city];
  for (const d of HARBIN_DISTRICTS) {
    const bureauCode = `HRB-${d.code}`;
    const bureau: DemoPoliceUnit = { id: stableId(`unit:${bureauCode}`), parentId: city.id, code: bureauCode, name: d.bureau, level: 'DISTRICT', areas: [d.code] };
    units.push(bureau);
    // Station 1 owns street 1 (its community post, where there is one, owns street 2); station 2
    // owns the next street. The other streets answer to the district bureau directly.
    const withCommunity = CORE.includes(d.code);
    const stationStreets = withCommunity ? [d.streets[0]!, d.streets[2]!] : [d.streets[0]!, d.streets[1]!];
    stationStreets.forEach((s, i) => {
      const code = `${bureauCode}-${String(i + 1).padStart(2, '0')}`;
      const station: DemoPoliceUnit = {
        id: stableId(`unit:${code}`), parentId: bureau.id, code, name: `${d.bureau}${s.short}派出所`,
        level: 'STATION', areas: [s.code],
      };
      units.push(station);
      if (withCommunity && i === 0) {
        const c = d.streets[1]!;
        const communityCode = `${code}-01`;
        units.push({
          id: stableId(`unit:${communityCode}`), parentId: station.id, code: communityCode,
          name: `${station.name}${c.short}社区警务室`, level: 'COMMUNITY', areas: [c.code],
        });
      }
    });
  }
  return units;
}

/** Builds the whole demo city. Deterministic: no clock, no randomness. */
export function buildDemoCity(): DemoCity {
  const districts = new Map(HARBIN_DISTRICTS.map((d) => [d.code, d]));
  const institutions: DemoInstitution[] = [];
  const branches: DemoBranch[] = [];
  const staff: DemoStaff[] = [];

  for (const plan of DEMO_INSTITUTIONS) {
    const institution: DemoInstitution = { id: stableId(`institution:${plan.code}`), code: plan.code, name: plan.name, kind: plan.kind };
    institutions.push(institution);
    for (const [districtCode, count] of Object.entries(plan.footprint)) {
      const d = districts.get(districtCode)!;
      for (let n = 0; n < count; n++) {
        // Spread over the district's streets, institutions offset so they do not all sit on street 1.
        const s = d.streets[(n * 2 + plan.code.length + institutions.length) % d.streets.length]!;
        const code = `${plan.code}-${d.code}-${String(n + 1).padStart(2, '0')}`;
        const branch: DemoBranch = {
          id: stableId(`branch:${code}`), institutionId: institution.id, institutionCode: plan.code, code,
          name: branchName(plan, d, s, n), areaCode: s.code, districtCode: d.code,
          address: `黑龙江省${CITY_NAME}${d.name}${s.name}`,
        };
        branches.push(branch);
        staff.push({
          id: stableId(`staff:teller.${plan.code}.${d.code}.${n + 1}`),
          username: `teller.${plan.code.toLowerCase()}.${d.slug}.${n + 1}`,
          displayName: `${branch.name}${plan.kind === 'CARRIER' ? '营业员' : '柜员'}`, role: 'TELLER', institutionId: institution.id, branchId: branch.id, policeUnitId: null,
        });
      }
    }
    staff.push({
      id: stableId(`staff:admin.${plan.code}`), username: `admin.${plan.code.toLowerCase()}`, displayName: `${plan.name}管理员`,
      role: 'INSTITUTION_ADMIN', institutionId: institution.id, branchId: null, policeUnitId: null,
    });
  }

  const policeUnits = policeTree();
  const slugOf = new Map(HARBIN_DISTRICTS.map((d) => [d.code, d.slug]));
  for (const unit of policeUnits) {
    // police.city, police.nangang, police.nangang.1, police.nangang.1.1
    const parts = unit.code.split('-').slice(1);
    const username = parts.length === 0 ? 'police.city' : ['police', slugOf.get(parts[0]!)!, ...parts.slice(1).map((p) => String(Number(p)))].join('.');
    staff.push({
      id: stableId(`staff:${username}`), username, displayName: `${unit.name}民警`, role: 'POLICE_OFFICER',
      institutionId: null, branchId: null, policeUnitId: unit.id,
    });
  }
  staff.push({
    id: stableId('staff:squad.admin'), username: 'squad.admin', displayName: '反电诈中心值班长', role: 'SQUAD_ADMIN',
    institutionId: null, branchId: null, policeUnitId: policeUnits[0]!.id,
  });
  staff.push({
    id: stableId('staff:sys.admin'), username: 'sys.admin', displayName: '系统管理员', role: 'SYSTEM_ADMIN',
    institutionId: null, branchId: null, policeUnitId: null,
  });
  return { institutions, branches, policeUnits, staff };
}

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  /** Who this is (the login's display name in the demo city). */
  who: string;
}

// A teller and a store in 南岗区, a teller elsewhere, the 南岗 bureau and one of its stations,
// another district's bureau, the squad and the system administrator.
const DEMO_LOGIN_USERNAMES = [
  'teller.icbc.nangang.1', 'teller.ccb.nangang.1', 'teller.cmcc.nangang.1', 'teller.icbc.daoli.1', 'admin.icbc',
  'police.nangang', 'police.nangang.1', 'police.daoli', 'squad.admin', 'sys.admin',
];

/** Well-known demo logins: the README, the tests and the seed's closing table use these. */
export const DEMO_LOGINS: readonly DemoLogin[] = (() => {
  const staff = new Map(buildDemoCity().staff.map((s) => [s.username, s]));
  return DEMO_LOGIN_USERNAMES.map((username) => {
    const s = staff.get(username);
    if (!s) throw new Error(`demo login ${username} is not in the demo city`);
    return { username, password: DEMO_PASSWORD, role: s.role, who: s.displayName };
  });
})();
