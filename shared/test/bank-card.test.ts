import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { CARD_ERROR_CODES, bankIssuerName, checkBankCard, luhnValid, maskCardNumber } from '../src';
import { assertFails, assertPasses, withLuhnDigit } from './support';

describe('luhnValid', () => {
  test('the textbook vector 79927398713 is valid and its neighbours are not', () => {
    assert.equal(luhnValid('79927398713'), true);
    for (const wrong of ['79927398710', '79927398711', '79927398712', '79927398714', '79927398719']) {
      assert.equal(luhnValid(wrong), false, wrong);
    }
  });

  test('the Visa test number 4111111111111111 is valid', () => {
    assert.equal(luhnValid('4111111111111111'), true);
    assert.equal(luhnValid('4111111111111112'), false);
  });

  test('non-digits and empty input are never valid', () => {
    assert.equal(luhnValid(''), false);
    assert.equal(luhnValid('7992 7398 713'), false);
  });

  test('every single-digit substitution is detected', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 14, maxLength: 18 }),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (payload, positionSeed, delta) => {
          const valid = withLuhnDigit(payload);
          assert.equal(luhnValid(valid), true);
          const position = positionSeed % valid.length;
          const replaced = String((Number(valid[position]) + delta) % 10);
          const changed = valid.slice(0, position) + replaced + valid.slice(position + 1);
          assert.equal(luhnValid(changed), false, `${valid} -> ${changed}`);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('checkBankCard', () => {
  const card = (bin: string, length: number): string => withLuhnDigit(bin + '0'.repeat(length - bin.length - 1));

  test('issuers of the major banks are found from the BIN', () => {
    const cases: Array<[string, number, string, string, 'DEBIT' | 'CREDIT']> = [
      ['622202', 19, 'ICBC', '中国工商银行', 'DEBIT'],
      ['622848', 19, 'ABC', '中国农业银行', 'DEBIT'],
      ['621661', 19, 'BOC', '中国银行', 'DEBIT'],
      ['621700', 19, 'CCB', '中国建设银行', 'DEBIT'],
      ['622262', 19, 'COMM', '交通银行', 'DEBIT'],
      ['622150', 19, 'PSBC', '中国邮政储蓄银行', 'DEBIT'],
      ['622588', 16, 'CMB', '招商银行', 'DEBIT'],
      ['622155', 16, 'PAB', '平安银行', 'CREDIT'],
      ['621577', 19, 'HRBB', '哈尔滨银行', 'DEBIT'],
      ['621037', 19, 'LJB', '龙江银行', 'DEBIT'],
      ['625965', 16, 'CCB', '中国建设银行', 'CREDIT'],
    ];
    for (const [bin, length, code, name, cardType] of cases) {
      const info = assertPasses(checkBankCard(card(bin, length)));
      assert.deepEqual(info.issuer, { code, name }, bin);
      assert.equal(info.cardType, cardType, bin);
      assert.equal(info.normalized.length, length);
    }
  });

  test('the issuer codes the server compares with institutions are the short ones', () => {
    const expected: Record<string, string> = {
      ICBC: '中国工商银行', ABC: '中国农业银行', BOC: '中国银行', CCB: '中国建设银行', COMM: '交通银行',
      PSBC: '中国邮政储蓄银行', CMB: '招商银行', CITIC: '中信银行', CEB: '中国光大银行', CMBC: '中国民生银行',
      CIB: '兴业银行', SPDB: '上海浦东发展银行', PAB: '平安银行', HRBB: '哈尔滨银行', LJB: '龙江银行',
    };
    for (const [code, name] of Object.entries(expected)) assert.equal(bankIssuerName(code), name, code);
  });

  test('spaces and dashes as printed on the card are accepted', () => {
    const number = card('622202', 19);
    const spaced = `${number.slice(0, 4)} ${number.slice(4, 8)}-${number.slice(8, 12)} ${number.slice(12)}`;
    assert.equal(assertPasses(checkBankCard(spaced)).normalized, number);
    assert.equal(assertPasses(checkBankCard(spaced)).last4, number.slice(-4));
  });

  test('a 15-digit American Express card of a Chinese bank is accepted', () => {
    const info = assertPasses(checkBankCard(card('370246', 15)));
    assert.equal(info.issuer?.code, 'ICBC');
    assert.equal(info.cardType, 'CREDIT');
  });

  test('an unknown BIN is not an error: the card just has no issuer', () => {
    const info = assertPasses(checkBankCard(card('123456', 16)));
    assert.equal(info.issuer, undefined);
    assert.equal(info.cardType, undefined);
  });

  test('errors say what is wrong and what to do', () => {
    assert.match(assertFails(checkBankCard(''), 'CARD_EMPTY'), /请输入银行卡号/);
    assert.match(assertFails(checkBankCard('6222 0200 abcd 1234'), 'CARD_FORMAT'), /只能包含数字/);
    assert.match(assertFails(checkBankCard('62220200001234'), 'CARD_LENGTH'), /15至19位.*14位/);
    assert.match(assertFails(checkBankCard('62220200000000000000'), 'CARD_LENGTH'), /20位/);
    const valid = card('622202', 19);
    const typo = valid.slice(0, 10) + String((Number(valid[10]) + 1) % 10) + valid.slice(11);
    assert.match(assertFails(checkBankCard(typo), 'CARD_LUHN'), /核对/);
  });

  test('card error codes are stable', () => {
    assert.deepEqual([...CARD_ERROR_CODES], ['CARD_EMPTY', 'CARD_FORMAT', 'CARD_LENGTH', 'CARD_LUHN']);
  });
});

describe('maskCardNumber', () => {
  test('first 4 and last 4 in the familiar grouping', () => {
    assert.equal(maskCardNumber('6222021234567891234'), '6222 **** **** 1234');
    assert.equal(maskCardNumber('6225881234561234'), '6225 **** **** 1234');
  });

  test('never shows more than 8 digits, and those are the first 4 and last 4', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'.split('')), minLength: 0, maxLength: 22 }), (digits) => {
        const masked = maskCardNumber(digits);
        const shown = masked.replace(/[^\d]/g, '');
        assert.ok(shown.length <= 8, masked);
        if (shown.length > 0) assert.equal(shown, digits.slice(0, 4) + digits.slice(-4));
      }),
    );
  });
});
