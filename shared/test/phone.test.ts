import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { PHONE_ERROR_CODES, checkMobile, maskPhone, simCardKindOf } from '../src';
import { assertFails, assertPasses } from './support';

describe('checkMobile: carriers', () => {
  const cases: Array<[string, string, string, boolean, boolean]> = [
    // number, carrier, segment, virtual operator, IoT
    ['13800138000', 'CMCC', '138', false, false],
    ['15945678901', 'CMCC', '159', false, false],
    ['19812345678', 'CMCC', '198', false, false],
    ['13012345678', 'CUCC', '130', false, false],
    ['18612345678', 'CUCC', '186', false, false],
    ['13312345678', 'CTCC', '133', false, false],
    ['18912345678', 'CTCC', '189', false, false],
    ['19912345678', 'CTCC', '199', false, false],
    ['19212345678', 'CBN', '192', false, false],
    ['17001234567', 'CTCC', '1700', true, false],
    ['17021234567', 'CTCC', '1702', true, false],
    ['17031234567', 'CMCC', '1703', true, false],
    ['17051234567', 'CMCC', '1705', true, false],
    ['17061234567', 'CMCC', '1706', true, false],
    ['17041234567', 'CUCC', '1704', true, false],
    ['17091234567', 'CUCC', '1709', true, false],
    ['17112345678', 'CUCC', '171', true, false],
    ['16212345678', 'CTCC', '162', true, false],
    ['16512345678', 'CMCC', '165', true, false],
    ['16712345678', 'CUCC', '167', true, false],
    ['14412345678', 'CMCC', '144', false, true],
    ['14812345678', 'CMCC', '148', false, true],
    ['14612345678', 'CUCC', '146', false, true],
    ['14912345678', 'CTCC', '149', false, true],
  ];
  for (const [number, carrier, segment, virtualOperator, iot] of cases) {
    test(`${number.slice(0, 4)}… is ${carrier}${virtualOperator ? ' (virtual)' : ''}${iot ? ' (IoT)' : ''}`, () => {
      assert.deepEqual(assertPasses(checkMobile(number)), { normalized: number, carrier, segment, virtualOperator, iot });
    });
  }

  test('the SIM card kind follows from the segment', () => {
    assert.equal(simCardKindOf(assertPasses(checkMobile('13800138000'))), 'STANDARD');
    assert.equal(simCardKindOf(assertPasses(checkMobile('17001234567'))), 'VIRTUAL');
    assert.equal(simCardKindOf(assertPasses(checkMobile('14812345678'))), 'IOT');
  });
});

describe('checkMobile: formats and errors', () => {
  test('country code, spaces, dashes and full-width digits are accepted', () => {
    for (const typed of ['+86 138 0013 8000', '+86-138-0013-8000', '008613800138000', '8613800138000', '(+86)13800138000', '１３８００１３８０００']) {
      assert.equal(assertPasses(checkMobile(typed)).normalized, '13800138000', typed);
    }
  });

  test('errors say what is wrong and what to do', () => {
    assert.match(assertFails(checkMobile('  '), 'PHONE_EMPTY'), /请输入手机号码/);
    assert.match(assertFails(checkMobile('1380013800'), 'PHONE_FORMAT'), /11位.*10位/);
    assert.match(assertFails(checkMobile('23800138000'), 'PHONE_FORMAT'), /以1开头/);
    assert.match(assertFails(checkMobile('138OO138000'), 'PHONE_FORMAT'), /数字以外/);
    assert.match(assertFails(checkMobile('0451-86661234'), 'PHONE_FORMAT'), /11位/);
    assert.match(assertFails(checkMobile('+852 9123 4567'), 'PHONE_FORMAT'), /中国大陆/);
    assert.match(assertFails(checkMobile('12012345678'), 'PHONE_SEGMENT'), /120/);
    assertFails(checkMobile('14212345678'), 'PHONE_SEGMENT');
    assertFails(checkMobile('15412345678'), 'PHONE_SEGMENT');
  });

  test('phone error codes are stable', () => {
    assert.deepEqual([...PHONE_ERROR_CODES], ['PHONE_EMPTY', 'PHONE_FORMAT', 'PHONE_SEGMENT']);
  });

  test('any valid number round-trips through +86, 0086 and spaced or dashed forms', () => {
    const segments = ['134', '138', '147', '150', '166', '173', '177', '180', '192', '195', '1703', '171', '165'];
    const number = fc
      .tuple(fc.constantFrom(...segments), fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 8, maxLength: 8 }))
      .map(([segment, rest]) => (segment + rest + '00').slice(0, 11));
    fc.assert(
      fc.property(number, fc.constantFrom('', '+86', '+86 ', '0086', '86', '0086-'), fc.constantFrom(' ', '-', ''), (n, prefix, sep) => {
        const plain = assertPasses(checkMobile(n));
        const typed = `${prefix}${n.slice(0, 3)}${sep}${n.slice(3, 7)}${sep}${n.slice(7)}`;
        assert.deepEqual(assertPasses(checkMobile(typed)), plain, typed);
      }),
      { numRuns: 500 },
    );
  });
});

describe('maskPhone', () => {
  test('138****1234', () => {
    assert.equal(maskPhone('13812341234'), '138****1234');
  });

  test('an 11-digit number always shows exactly its first 3 and last 4 digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 11, maxLength: 11 }), (n) => {
        assert.equal(maskPhone(n), `${n.slice(0, 3)}****${n.slice(7)}`);
      }),
    );
  });
});
