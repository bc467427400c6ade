#!/usr/bin/env node
// Generates src/data/bank-bins.ts, the compact issuer table that checkBankCard uses.
//
// Source: the bankcardinfo package (devDependency only), whose table of Chinese issuers' card BINs
// was collected from the public card-BIN lookup of a major payment platform: about 1,800
// prefixes of 125 issuers, each with the card length and type. It is partial (many rural and city
// commercial banks are missing) and unmaintained since its last data update, so an unknown BIN is
// never an error: the card simply has no issuer.
//
// Output: BANK_ISSUERS lists [code, name]; BIN_ROWS has one string per issuer, card type and
// length: '<code>:<type>:<length>:<prefix>,<prefix>,...', type D (debit), C (credit),
// S (semi-credit, 准贷记卡) or P (prepaid).
// Run: npm run build:bins -w @duanka/shared
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.join(here, '..', 'src', 'data', 'bank-bins.ts');
const pkgFile = require.resolve('bankcardinfo');
const version = require('bankcardinfo/package.json').version;

// The table is a private variable of the package's module: evaluate just its literal.
const text = readFileSync(pkgFile, 'utf8');
const start = text.indexOf('var bankcardList = ');
const end = text.indexOf('function getBankNameByBankCode');
if (start < 0 || end < start) throw new Error('bankcardinfo layout changed: bankcardList not found');
const list = vm.runInNewContext(`${text.slice(start, end)}; bankcardList`);

// The package's codes are the payment platform's. Where our institutions use another short code,
// or where the package gives one code to two banks, map it here: the server compares these codes
// with the institution's code, so they must stay stable.
const RENAME = {
  SPABANK: { code: 'PAB', name: '平安银行' },
  HRBANK: { code: 'HRBB', name: '哈尔滨银行' },
  DAQINGB: { code: 'LJB', name: '龙江银行' },
  GDB: { code: 'CGB', name: '广发银行' },
  HXBANK: { code: 'HXB', name: '华夏银行' },
  COMM: { code: 'COMM', name: '交通银行' },
  SPDB: { code: 'SPDB', name: '上海浦东发展银行' },
  ZJQL: { code: 'ZJTLCB', name: '浙江泰隆商业银行' },
};
const RENAME_BY_NAME = {
  // NCB is also 南洋商业银行; 南昌银行 became 江西银行 in 2015.
  南昌银行: { code: 'JXBANK', name: '江西银行' },
  // JSBANK is also 江苏银行; 苏州市商业银行 is today's 苏州银行.
  苏州市商业银行: { code: 'BOSZ', name: '苏州银行' },
};
// The package lists a few prefixes under two issuers. These resolve to 浦发银行's 东方卡 and
// 轻松理财卡 debit ranges; every other ambiguous prefix is dropped (issuer unknown beats a wrong one).
const RESOLVE = Object.fromEntries(
  ['622516', '622517', '622518', '622521', '622522', '622523', '621351', '621352', '621390', '621791', '621792', '621793', '621795', '621796'].map(
    (prefix) => [`${prefix}:16`, 'SPDB'],
  ),
);
const TYPE = { DC: 'D', CC: 'C', SCC: 'S', PC: 'P' };

const issuers = new Map(); // code -> name
const rows = new Map(); // 'code:type:length' -> prefixes
const seen = new Map(); // 'prefix:length' -> code, to find ambiguous entries
let skipped = 0;
for (const bank of list) {
  const mapped = RENAME_BY_NAME[bank.bankName] ?? RENAME[bank.bankCode] ?? { code: bank.bankCode, name: bank.bankName };
  if (issuers.has(mapped.code) && issuers.get(mapped.code) !== mapped.name) {
    throw new Error(`code ${mapped.code} used for ${issuers.get(mapped.code)} and ${mapped.name}`);
  }
  issuers.set(mapped.code, mapped.name);
  for (const pattern of bank.patterns) {
    const m = /^\^\(([\d|]+)\)\\d\{(\d+)\}\$$/.exec(pattern.reg.source);
    const type = TYPE[pattern.cardType];
    if (!m || !type) throw new Error(`unexpected pattern ${pattern.reg.source} (${pattern.cardType})`);
    for (const prefix of m[1].split('|')) {
      const length = prefix.length + Number(m[2]);
      // checkBankCard accepts 15-19 digits; longer entries could never match.
      if (length < 15 || length > 19) {
        skipped++;
        continue;
      }
      const seenKey = `${prefix}:${length}`;
      const other = seen.get(seenKey);
      if (other === undefined) {
        seen.set(seenKey, { code: mapped.code, type });
      } else if (other.code !== mapped.code) {
        other.ambiguous = true;
      }
    }
  }
}
let dropped = 0;
for (const [seenKey, entry] of seen) {
  const [prefix, length] = seenKey.split(':');
  let code = entry.code;
  if (entry.ambiguous) {
    code = RESOLVE[seenKey];
    if (code === undefined) {
      dropped++;
      continue;
    }
  }
  const key = `${code}:${entry.type}:${length}`;
  if (!rows.has(key)) rows.set(key, []);
  rows.get(key).push(prefix);
}
const prefixCount = seen.size - dropped;

const issuerLines = [...issuers.entries()].map(([code, name]) => `  ['${code}', '${name}'],`);
const rowLines = [...rows.entries()].map(([key, prefixes]) => `  '${key}:${[...prefixes].sort().join(',')}',`);
const source = `// Generated by scripts/build-bins.mjs from bankcardinfo@${version}. Do not edit by hand: run \`npm run build:bins\`.
// ${issuers.size} issuers, ${prefixCount} BIN prefixes. Partial: an unknown BIN only means "issuer unknown".
// Format: see the header of scripts/build-bins.mjs.

export const BANK_ISSUERS: readonly (readonly [code: string, name: string])[] = [
${issuerLines.join('\n')}
];

export const BIN_ROWS: readonly string[] = [
${rowLines.join('\n')}
];
`;
writeFileSync(outFile, source);
const kb = (Buffer.byteLength(source, 'utf8') / 1024).toFixed(1);
console.log(`wrote ${path.relative(process.cwd(), outFile)}: ${issuers.size} issuers, ${prefixCount} prefixes (${skipped} too long, ${dropped} ambiguous dropped), ${kb} KB`);
