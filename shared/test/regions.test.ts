import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { isLocalProvince, lookupRegion, regionName } from '../src';

describe('regionName', () => {
  test('full names as a teller reads them', () => {
    assert.equal(regionName('230103'), '黑龙江省哈尔滨市南岗区');
    assert.equal(regionName('230102'), '黑龙江省哈尔滨市道里区');
    assert.equal(regionName('110105'), '北京市朝阳区');
    assert.equal(regionName('429004'), '湖北省仙桃市');
    assert.equal(regionName('230100'), '黑龙江省哈尔滨市');
    assert.equal(regionName('230000'), '黑龙江省');
  });

  test('abolished codes keep their old names and are flagged as not current', () => {
    assert.equal(regionName('230121'), '黑龙江省哈尔滨市呼兰县');
    assert.equal(lookupRegion('230121')?.current, false);
    assert.equal(lookupRegion('230111')?.current, true);
    assert.equal(regionName('110103'), '北京市崇文区');
  });

  test('codes that never existed have no name', () => {
    assert.equal(regionName('990101'), undefined);
    assert.equal(regionName('239901'), undefined);
    assert.equal(regionName('2301'), undefined);
    assert.equal(regionName('23010x'), undefined);
  });
});

describe('isLocalProvince', () => {
  test('compares the province of a code with a 2- or 6-digit home province', () => {
    assert.equal(isLocalProvince('230103', '23'), true);
    assert.equal(isLocalProvince('230121', '230000'), true);
    assert.equal(isLocalProvince('110105', '23'), false);
    assert.equal(isLocalProvince('110105', '230000'), false);
  });

  test('malformed codes are never local', () => {
    assert.equal(isLocalProvince('', '23'), false);
    assert.equal(isLocalProvince('2301', '23'), false);
    assert.equal(isLocalProvince('230103', '2'), false);
  });
});

describe('generated data modules', () => {
  // The mini-program's main package is limited to 2 MB; the data must stay small.
  const dataDir = path.join(__dirname, '..', '..', 'src', 'data');
  for (const [file, limitKb] of [['regions.ts', 150], ['bank-bins.ts', 50]] as const) {
    test(`${file} stays under ${limitKb} KB`, () => {
      const bytes = Buffer.byteLength(readFileSync(path.join(dataDir, file), 'utf8'), 'utf8');
      assert.ok(bytes < limitKb * 1024, `${file} is ${(bytes / 1024).toFixed(1)} KB`);
    });
  }

  test('the source that ships to the mini-program uses no Node-only API', () => {
    const srcDir = path.join(__dirname, '..', '..', 'src');
    const files = ['index.ts', 'check-result.ts', 'text-input.ts', 'china-date.ts', 'regions.ts', 'id-number.ts', 'bank-card.ts', 'phone.ts', 'enums.ts', 'api-types.ts'];
    for (const file of files) {
      const text = readFileSync(path.join(srcDir, file), 'utf8');
      assert.doesNotMatch(text, /from 'node:|require\(|\bBuffer\b|\bprocess\./, file);
    }
  });
});
