import { uuidV7, type AccountClass, type BankOpeningRequest, type OpeningPurpose } from '@duanka/shared';
import {
  checkCardField, checkIdField, checkMobileField, checkNameField, compactNumber, companionComplete, maskedPerson,
  type CompanionAnswer,
} from '../../../components/opening-form';

export interface BankForm {
  id: string;
  idNumber: string;
  name: string;
  accountClass?: AccountClass;
  cardNumber: string;
  phone: string;
  purpose?: OpeningPurpose;
  companion: CompanionAnswer;
  openedAt?: string;
}

export function emptyBankForm(): BankForm {
  return { id: uuidV7(), idNumber: '', name: '', cardNumber: '', phone: '', companion: { relation: undefined, name: '', phone: '' } };
}

/** Reopens a submission the server refused, to be corrected and sent again under the same id. */
export function bankFormFrom(request: BankOpeningRequest): BankForm {
  return {
    id: request.id,
    idNumber: request.idNumber,
    name: request.name,
    accountClass: request.accountClass,
    cardNumber: request.cardNumber,
    phone: request.phone,
    purpose: request.purpose,
    companion: { relation: request.companionRelation, name: request.companionName ?? '', phone: request.companionPhone ?? '' },
    openedAt: request.openedAt,
  };
}

/** The request, or null while anything is missing or wrong. */
export function bankRequest(form: BankForm): BankOpeningRequest | null {
  const complete =
    checkIdField(form.idNumber).ok && checkNameField(form.name).ok && !!form.accountClass &&
    checkCardField(form.cardNumber, true).ok && checkMobileField(form.phone, true).ok && !!form.purpose &&
    companionComplete(form.companion);
  if (!complete || !form.accountClass || !form.purpose || !form.companion.relation) return null;
  const withCompanion = form.companion.relation !== 'NONE';
  return {
    id: form.id,
    idNumber: compactNumber(form.idNumber).toUpperCase(),
    name: form.name.trim(),
    accountClass: form.accountClass,
    cardNumber: compactNumber(form.cardNumber),
    phone: compactNumber(form.phone),
    purpose: form.purpose,
    companionRelation: form.companion.relation,
    ...(withCompanion ? { companionName: form.companion.name.trim(), companionPhone: compactNumber(form.companion.phone) } : {}),
    ...(form.openedAt ? { openedAt: form.openedAt } : {}),
  };
}

export function bankSummary(request: BankOpeningRequest): string {
  return `银行开户 · ${maskedPerson(request.name, request.idNumber)} · 卡尾号 ${request.cardNumber.slice(-4)}`;
}
