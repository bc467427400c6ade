import {
  ageOn, checkBankCard, checkIdNumber, checkMobile, LABELS, maskIdNumber, type CompanionRelation, type IdNumberInfo,
} from '@duanka/shared';

/** What a form field shows under itself: an error, or a confirmation of what was understood. */
export interface FieldCheck {
  ok: boolean;
  error?: string;
  hint?: string;
}

export interface IdNumberCheck extends FieldCheck {
  info?: IdNumberInfo;
  age?: number;
}

const ID_LENGTH = 18;
const MOBILE_LENGTH = 11;
const CARD_MAX_LENGTH = 19;

const compact = (input: string) => input.replace(/\s+/g, '');

/** Silent while the 18 characters are being typed, then the check's own message or the derived facts. */
export function checkIdField(input: string, today: Date = new Date()): IdNumberCheck {
  const value = compact(input);
  if (!value) return { ok: false };
  const result = checkIdNumber(value);
  if (result.ok) {
    return { ok: true, info: result.value, age: ageOn(result.value.birthDate, today) };
  }
  return value.length >= ID_LENGTH ? { ok: false, error: result.message } : { ok: false };
}

export function checkNameField(input: string): FieldCheck {
  const value = input.trim();
  if (!value) return { ok: false };
  if (value.length > 64) return { ok: false, error: '姓名过长，请核对' };
  return { ok: true };
}

/** Card numbers are 16 to 19 digits: the Luhn message shows once the field is left or full. */
export function checkCardField(input: string, finished: boolean): FieldCheck {
  const value = compact(input);
  if (!value) return { ok: false };
  const result = checkBankCard(value);
  if (result.ok) {
    const issuer = result.value.issuer?.name ?? '发卡行未识别';
    return { ok: true, hint: `${issuer} · 尾号 ${result.value.last4}` };
  }
  return finished || value.length >= CARD_MAX_LENGTH ? { ok: false, error: result.message } : { ok: false };
}

export function checkMobileField(input: string, finished: boolean): FieldCheck {
  const value = compact(input);
  if (!value) return { ok: false };
  const result = checkMobile(value);
  if (result.ok) {
    const { carrier, virtualOperator, iot } = result.value;
    const notes = [LABELS.carrier[carrier], virtualOperator ? '虚拟运营商号段' : '', iot ? '物联网号段' : ''];
    return { ok: true, hint: notes.filter(Boolean).join(' · ') };
  }
  return finished || value.length >= MOBILE_LENGTH ? { ok: false, error: result.message } : { ok: false };
}

export interface CompanionAnswer {
  /** Undefined until the teller has asked: the question must be answered, not defaulted. */
  relation: CompanionRelation | undefined;
  name: string;
  phone: string;
}

export function companionComplete(answer: CompanionAnswer): boolean {
  if (answer.relation === undefined) return false;
  if (answer.relation === 'NONE') return true;
  return checkNameField(answer.name).ok && checkMobileField(answer.phone, true).ok;
}

export { compact as compactNumber };

/** "张* · 230102********1234": how a queued submission is listed on the device. */
export function maskedPerson(name: string, idNumber: string): string {
  const trimmed = name.trim();
  return `${trimmed.slice(0, 1)}${'*'.repeat(Math.max(trimmed.length - 1, 1))} · ${maskIdNumber(compact(idNumber))}`;
}
