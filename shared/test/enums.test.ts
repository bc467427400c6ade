import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ACCOUNT_CLASSES,
  ALERT_STATUSES,
  CARRIERS,
  COMPANION_RELATIONS,
  LABELS,
  OPENING_PURPOSES,
  POLICE_ROLES,
  ROLES,
  RULE_CODES,
  SIM_CARD_KINDS,
  VERDICTS,
  isOneOf,
  maxVerdict,
  verdictRank,
} from '../src';
import { assertChineseMessage } from './support';

describe('verdicts', () => {
  test('severity order PASS < VERIFY < STOP', () => {
    assert.deepEqual([...VERDICTS], ['PASS', 'VERIFY', 'STOP']);
    assert.ok(verdictRank('PASS') < verdictRank('VERIFY'));
    assert.ok(verdictRank('VERIFY') < verdictRank('STOP'));
  });

  test('the verdict of an opening is the most severe hit', () => {
    assert.equal(maxVerdict('PASS', 'VERIFY'), 'VERIFY');
    assert.equal(maxVerdict('STOP', 'VERIFY'), 'STOP');
    assert.equal(maxVerdict('PASS', 'PASS'), 'PASS');
    assert.equal((['VERIFY', 'PASS', 'STOP', 'VERIFY'] as const).reduce(maxVerdict, 'PASS'), 'STOP');
  });
});

describe('closed sets', () => {
  test('the rule catalogue has the 13 rules of the design', () => {
    assert.equal(RULE_CODES.length, 13);
    assert.equal(new Set(RULE_CODES).size, 13);
  });

  test('police roles are exactly the officers and the squad', () => {
    assert.deepEqual([...POLICE_ROLES], ['POLICE_OFFICER', 'SQUAD_ADMIN']);
    assert.ok(POLICE_ROLES.every((role) => ROLES.includes(role)));
  });

  test('isOneOf validates untrusted values', () => {
    assert.equal(isOneOf(VERDICTS, 'STOP'), true);
    assert.equal(isOneOf(VERDICTS, 'stop'), false);
    assert.equal(isOneOf(CARRIERS, 42), false);
  });
});

describe('Chinese labels', () => {
  const sets: Array<[string, readonly string[], Record<string, string>]> = [
    ['verdict', VERDICTS, LABELS.verdict],
    ['role', ROLES, LABELS.role],
    ['ruleCode', RULE_CODES, LABELS.ruleCode],
    ['alertStatus', ALERT_STATUSES, LABELS.alertStatus],
    ['purpose', OPENING_PURPOSES, LABELS.purpose],
    ['relation', COMPANION_RELATIONS, LABELS.relation],
    ['carrier', CARRIERS, LABELS.carrier],
    ['simCardKind', SIM_CARD_KINDS, LABELS.simCardKind],
  ];
  for (const [name, values, labels] of sets) {
    test(`every ${name} has a distinct Chinese label`, () => {
      assert.deepEqual(Object.keys(labels).sort(), [...values].sort());
      for (const value of values) assert.match(labels[value], /[\u4e00-\u9fff]/, `${name}.${value}`);
      assert.equal(new Set(Object.values(labels)).size, values.length);
    });
  }

  test('account classes read as on the bank form', () => {
    assert.deepEqual(ACCOUNT_CLASSES.map((c) => LABELS.accountClass[c]), ['I类户', 'II类户', 'III类户']);
  });

  test('verdict labels', () => {
    assert.deepEqual(LABELS.verdict, { PASS: '通过', VERIFY: '需核实', STOP: '停止办理' });
    assert.equal(LABELS.carrier.CMCC, '中国移动');
    assertChineseMessage(LABELS.ruleCode.TWO_CARD_COMBO);
  });
});
