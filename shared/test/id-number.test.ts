import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { ID_ERROR_CODES, ageOn, checkIdNumber, idCheckDigit, maskIdNumber } from '../src';
import { TODAY, assertFails, assertPasses, withCheckDigit } from './support';

describe('checkIdNumber: published vectors', () => {
  test('the example of GB 11643-1999 itself, 11010519491231002X, is valid', () => {
    const info = assertPasses(checkIdNumber('11010519491231002X', TODAY));
    assert.equal(info.normalized, '11010519491231002X');
    assert.equal(info.birthDate, '1949-12-31');
    assert.equal(info.sex, 'F');
    assert.equal(info.regionCode, '110105');
    assert.equal(info.provinceCode, '11');
    assert.equal(info.provinceName, '北京市');
    assert.equal(info.cityName, undefined, 'a municipality has no city name');
    assert.equal(info.countyName, '朝阳区');
    assert.equal(info.regionName, '北京市朝阳区');
    assert.equal(info.historicalRegion, false);
    assert.equal(info.regionExact, true);
  });

  test("the standard's second example, 440524188001010014, has a correct check digit but a pre-1900 birth", () => {
    assert.equal(idCheckDigit('44052418800101001'), '4');
    const message = assertFails(checkIdNumber('440524188001010014', TODAY), 'ID_BIRTH_DATE');
    assert.match(message, /1900/);
  });

  test('check digits of public examples, including the X case', () => {
    assert.equal(idCheckDigit('11010519491231002'), 'X');
    assert.equal(idCheckDigit('11010119900307803'), 'X');
    assert.equal(idCheckDigit('44030819990110151'), '2');
    const info = assertPasses(checkIdNumber('440308199901101512', TODAY));
    assert.equal(info.regionName, '广东省深圳市盐田区');
    assert.equal(info.sex, 'M');
  });

  test('idCheckDigit refuses anything but 17 digits', () => {
    assert.throws(() => idCheckDigit('1101051949123100'), RangeError);
    assert.throws(() => idCheckDigit('1101051949123100X'), RangeError);
  });
});

describe('checkIdNumber: input as typed at the counter', () => {
  test('lowercase x, spaces, full-width digits and an ideographic space are normalized', () => {
    for (const typed of ['11010519491231002x', ' 110105 19491231 002X ', '１１０１０５１９４９１２３１００２Ｘ', '110105\u300019491231002X']) {
      assert.equal(assertPasses(checkIdNumber(typed, TODAY)).normalized, '11010519491231002X', typed);
    }
  });

  test('empty input asks for the number', () => {
    for (const typed of ['', '   ']) {
      assert.match(assertFails(checkIdNumber(typed, TODAY), 'ID_EMPTY'), /请输入身份证号码/);
    }
  });

  test('a 15-digit first-generation number is refused with the 2013 expiry and what to do', () => {
    const message = assertFails(checkIdNumber('110105491231002', TODAY), 'ID_LEGACY_15');
    assert.match(message, /2013/);
    assert.match(message, /18位/);
  });

  test('wrong length says how many digits were typed', () => {
    assert.match(assertFails(checkIdNumber('11010519491231002', TODAY), 'ID_FORMAT'), /18位.*17位/);
    assert.match(assertFails(checkIdNumber('11010519491231002X1', TODAY), 'ID_FORMAT'), /19位/);
  });

  test('letters other than a final X are a format error', () => {
    assertFails(checkIdNumber('1101051949123100XX', TODAY), 'ID_FORMAT');
    assertFails(checkIdNumber('11010519491231002Y', TODAY), 'ID_FORMAT');
    assertFails(checkIdNumber('X10105194912310020', TODAY), 'ID_FORMAT');
  });

  test('a wrong check digit tells the teller to check the number, last digit first', () => {
    const message = assertFails(checkIdNumber('110105194912310021', TODAY), 'ID_CHECKSUM');
    assert.match(message, /校验位/);
    assert.match(message, /最后一位/);
  });
});

describe('checkIdNumber: birth date', () => {
  const id = (region: string, date: string, seq = '001'): string => withCheckDigit(region + date + seq);

  test('leap days: 2000-02-29 exists, 1900-02-29 and 2023-02-29 do not', () => {
    assert.equal(assertPasses(checkIdNumber(id('110105', '20000229'), TODAY)).birthDate, '2000-02-29');
    assert.match(assertFails(checkIdNumber(id('110105', '19000229'), TODAY), 'ID_BIRTH_DATE'), /1900年02月29日/);
    assertFails(checkIdNumber(id('110105', '20230229'), TODAY), 'ID_BIRTH_DATE');
  });

  test('impossible months and days are refused', () => {
    for (const date of ['19901301', '19900001', '19900431', '19900100']) {
      assertFails(checkIdNumber(id('110105', date), TODAY), 'ID_BIRTH_DATE');
    }
  });

  test('a birth date after today is refused; today itself is accepted', () => {
    const today = new Date('2025-06-01T12:00:00+08:00');
    assert.match(assertFails(checkIdNumber(id('110105', '20250602'), today), 'ID_BIRTH_DATE'), /晚于今天/);
    assert.equal(assertPasses(checkIdNumber(id('110105', '20250601'), today)).birthDate, '2025-06-01');
  });

  test("'today' is the date in China, whatever the server's time zone", () => {
    // 16:30 UTC on 31 May is already 1 June in Harbin.
    const lateEvening = new Date('2025-05-31T16:30:00Z');
    assertPasses(checkIdNumber(id('110105', '20250601'), lateEvening));
  });

  test('1900-01-01 is the earliest accepted birth date', () => {
    assertPasses(checkIdNumber(id('110105', '19000101'), TODAY));
    assertFails(checkIdNumber(id('110105', '18991231'), TODAY), 'ID_BIRTH_DATE');
  });

  test('the sex comes from the 17th digit: odd is male, even is female', () => {
    assert.equal(assertPasses(checkIdNumber(id('110105', '19900101', '013'), TODAY)).sex, 'M');
    assert.equal(assertPasses(checkIdNumber(id('110105', '19900101', '024'), TODAY)).sex, 'F');
  });
});

describe('checkIdNumber: region of issue', () => {
  const id = (region: string): string => withCheckDigit(`${region}19850715003`);

  test('a current Harbin district', () => {
    const info = assertPasses(checkIdNumber(id('230103'), TODAY));
    assert.equal(info.regionName, '黑龙江省哈尔滨市南岗区');
    assert.equal(info.cityName, '哈尔滨市');
    assert.equal(info.historicalRegion, false);
  });

  test('230121 呼兰县, abolished in 2004, is still a valid place of issue and is marked historical', () => {
    const info = assertPasses(checkIdNumber(id('230121'), TODAY));
    assert.equal(info.regionName, '黑龙江省哈尔滨市呼兰县');
    assert.equal(info.historicalRegion, true);
    assert.equal(info.regionExact, true);
    const successor = assertPasses(checkIdNumber(id('230111'), TODAY));
    assert.equal(successor.regionName, '黑龙江省哈尔滨市呼兰区');
    assert.equal(successor.historicalRegion, false);
  });

  test('an older prefecture: 232101 under 松花江地区 (abolished 1996)', () => {
    const info = assertPasses(checkIdNumber(id('232101'), TODAY));
    assert.equal(info.provinceName, '黑龙江省');
    assert.equal(info.cityName, '松花江地区');
    assert.equal(info.historicalRegion, true);
  });

  test('a county code unknown to the table under a known city is accepted with the city only', () => {
    const info = assertPasses(checkIdNumber(id('230199'), TODAY));
    assert.equal(info.regionName, '黑龙江省哈尔滨市');
    assert.equal(info.countyName, undefined);
    assert.equal(info.regionExact, false);
    assert.equal(info.historicalRegion, true);
  });

  test('cities without counties (东莞) and residence permits (810000 香港) are accepted', () => {
    assert.equal(assertPasses(checkIdNumber(id('441900'), TODAY)).regionName, '广东省东莞市');
    assert.equal(assertPasses(checkIdNumber(id('810000'), TODAY)).regionName, '香港特别行政区');
    assert.equal(assertPasses(checkIdNumber(id('830000'), TODAY)).provinceCode, '83');
  });

  test('codes that were never divisions are refused with the code in the message', () => {
    assert.match(assertFails(checkIdNumber(id('990101'), TODAY), 'ID_REGION'), /990101/);
    assertFails(checkIdNumber(id('000000'), TODAY), 'ID_REGION');
    assertFails(checkIdNumber(id('239901'), TODAY), 'ID_REGION');
    // A province code alone is no place of issue where the province has cities.
    assertFails(checkIdNumber(id('230000'), TODAY), 'ID_REGION');
  });
});

describe('checkIdNumber: properties', () => {
  const regions = ['110105', '230103', '230121', '230111', '232101', '440308', '441900', '500240', '650102', '810000'];
  const validFirst17 = fc
    .tuple(
      fc.constantFrom(...regions),
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-05-31T00:00:00Z'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([region, date, seq]) => region + date.toISOString().slice(0, 10).replace(/-/g, '') + String(seq).padStart(3, '0'));

  test('17 digits of a real region and date plus idCheckDigit always pass', () => {
    fc.assert(
      fc.property(validFirst17, (first17) => {
        const result = checkIdNumber(first17 + idCheckDigit(first17), TODAY);
        assert.equal(result.ok, true, JSON.stringify(result));
      }),
      { numRuns: 500 },
    );
  });

  test('changing any single character of a valid number is caught by the check digit', () => {
    const chars = '0123456789X'.split('');
    fc.assert(
      fc.property(validFirst17, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...chars), (first17, position, replacement) => {
        const valid = first17 + idCheckDigit(first17);
        fc.pre(valid[position] !== replacement && (replacement !== 'X' || position === 17));
        const changed = valid.slice(0, position) + replacement + valid.slice(position + 1);
        const result = checkIdNumber(changed, TODAY);
        assert.equal(result.ok, false);
        if (!result.ok) assert.equal(result.code, 'ID_CHECKSUM');
      }),
      { numRuns: 2000 },
    );
  });

  test('masking never shows more than the first 6 and last 4 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789X'.split('')), minLength: 0, maxLength: 24 }), (value) => {
        const masked = maskIdNumber(value);
        assert.equal(masked.length, value.length);
        const shown = masked.split('').filter((ch) => ch !== '*').length;
        assert.ok(shown <= 10, masked);
        if (value.length > 10) {
          assert.equal(masked.slice(0, 6), value.slice(0, 6));
          assert.equal(masked.slice(-4), value.slice(-4));
          assert.match(masked.slice(6, -4), /^\*+$/);
        }
      }),
    );
  });
});

describe('maskIdNumber and ageOn', () => {
  test('mask format shown to tellers', () => {
    assert.equal(maskIdNumber('230102199003071234'), '230102********1234');
  });

  test('age in whole years, one more from the birthday on', () => {
    assert.equal(ageOn('1990-03-07', new Date('2025-03-06T12:00:00+08:00')), 34);
    assert.equal(ageOn('1990-03-07', new Date('2025-03-07T00:00:00+08:00')), 35);
    assert.equal(ageOn('2009-06-01', TODAY), 16);
  });

  test('the day of the age change is the date in China', () => {
    // 2025-03-06T16:30Z is 00:30 on 7 March in China.
    assert.equal(ageOn('1990-03-07', new Date('2025-03-06T16:30:00Z')), 35);
  });

  test('born on 29 February: a year older on 1 March in common years', () => {
    assert.equal(ageOn('2000-02-29', new Date('2025-02-28T12:00:00+08:00')), 24);
    assert.equal(ageOn('2000-02-29', new Date('2025-03-01T12:00:00+08:00')), 25);
    assert.equal(ageOn('2000-02-29', new Date('2024-02-29T12:00:00+08:00')), 24);
  });

  test('a malformed birth date gives NaN rather than a wrong age', () => {
    assert.ok(Number.isNaN(ageOn('1990-02-30', TODAY)));
    assert.ok(Number.isNaN(ageOn('19900101', TODAY)));
  });
});

test('ID error codes are stable strings the server returns to clients', () => {
  assert.deepEqual([...ID_ERROR_CODES], ['ID_EMPTY', 'ID_FORMAT', 'ID_LEGACY_15', 'ID_CHECKSUM', 'ID_BIRTH_DATE', 'ID_REGION']);
});
