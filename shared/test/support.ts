// Helpers shared by the test files (node --test also loads this file; it declares no tests).
import assert from 'node:assert/strict';
import { CheckResult, idCheckDigit } from '../src';

/** A message a teller can read: Chinese, with no English words (X and +86 may appear). */
export function assertChineseMessage(message: string): void {
  assert.match(message, /[\u4e00-\u9fff]{4,}/, `not Chinese: ${message}`);
  assert.doesNotMatch(message, /[A-WYZa-z]/, `English in a teller message: ${message}`);
}

/** Asserts a failed check with the given code and a Chinese message; returns the message. */
export function assertFails<T>(result: CheckResult<T>, code: string): string {
  assert.equal(result.ok, false, `expected ${code}, got ${JSON.stringify(result)}`);
  if (result.ok) throw new Error('unreachable');
  assert.equal(result.code, code);
  assertChineseMessage(result.message);
  return result.message;
}

/** Asserts a successful check and returns its value. */
export function assertPasses<T>(result: CheckResult<T>): T {
  if (!result.ok) assert.fail(`expected success, got ${result.code}: ${result.message}`);
  return result.value;
}

/** A complete ID number: 17 digits plus their check character. */
export function withCheckDigit(first17: string): string {
  return first17 + idCheckDigit(first17);
}

/**
 * Appends the Luhn check digit, computed here independently of luhnValid: double every second
 * digit from the right of the full number, i.e. from the rightmost digit of the payload.
 */
export function withLuhnDigit(payload: string): string {
  let sum = 0;
  const reversed = payload.split('').reverse();
  reversed.forEach((ch, i) => {
    const d = Number(ch) * (i % 2 === 0 ? 2 : 1);
    sum += Math.floor(d / 10) + (d % 10);
  });
  return payload + String((10 - (sum % 10)) % 10);
}

export const TODAY = new Date('2025-06-01T04:00:00Z');
