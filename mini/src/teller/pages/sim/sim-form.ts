import { uuidV7, type OpeningPurpose, type SimCardKind, type SimRegistrationRequest } from '@duanka/shared';
import {
  checkIdField, checkMobileField, checkNameField, compactNumber, companionComplete, maskedPerson, type CompanionAnswer,
} from '../../../components/opening-form';

export interface SimForm {
  id: string;
  idNumber: string;
  name: string;
  phoneNumber: string;
  cardKind?: SimCardKind;
  purpose?: OpeningPurpose;
  companion: CompanionAnswer;
  openedAt?: string;
}

export function emptySimForm(): SimForm {
  return { id: uuidV7(), idNumber: '', name: '', phoneNumber: '', companion: { relation: undefined, name: '', phone: '' } };
}

/** Reopens a submission the server refused, to be corrected and sent again under the same id. */
export function simFormFrom(request: SimRegistrationRequest): SimForm {
  return {
    id: request.id,
    idNumber: request.idNumber,
    name: request.name,
    phoneNumber: request.phoneNumber,
    cardKind: request.cardKind,
    purpose: request.purpose,
    companion: { relation: request.companionRelation, name: request.companionName ?? '', phone: request.companionPhone ?? '' },
    openedAt: request.openedAt,
  };
}

/** The request, or null while anything is missing or wrong. 开卡用途 is optional for a SIM card. */
export function simRequest(form: SimForm): SimRegistrationRequest | null {
  const complete =
    checkIdField(form.idNumber).ok && checkNameField(form.name).ok && checkMobileField(form.phoneNumber, true).ok &&
    !!form.cardKind && companionComplete(form.companion);
  if (!complete || !form.cardKind || !form.companion.relation) return null;
  const withCompanion = form.companion.relation !== 'NONE';
  return {
    id: form.id,
    idNumber: compactNumber(form.idNumber).toUpperCase(),
    name: form.name.trim(),
    phoneNumber: compactNumber(form.phoneNumber),
    cardKind: form.cardKind,
    ...(form.purpose ? { purpose: form.purpose } : {}),
    companionRelation: form.companion.relation,
    ...(withCompanion ? { companionName: form.companion.name.trim(), companionPhone: compactNumber(form.companion.phone) } : {}),
    ...(form.openedAt ? { openedAt: form.openedAt } : {}),
  };
}

export function simSummary(request: SimRegistrationRequest): string {
  return `电话卡 · ${maskedPerson(request.name, request.idNumber)} · 号码尾号 ${request.phoneNumber.slice(-4)}`;
}
