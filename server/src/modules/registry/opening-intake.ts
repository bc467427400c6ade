import { ageOn, checkBankCard, checkIdNumber, checkMobile, type CheckResult, type IdNumberInfo } from '@duanka/shared';
import { invalid } from '../../common/domain-error';
import type { VaultService } from '../vault/vault.service';

const OFFLINE_GRACE_MS = 7 * 24 * 3600 * 1000;
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** The check's value, or a 400 with the check's own code and Chinese message, naming the field. */
export function valueOf<T>(result: CheckResult<T>, field: string): T {
  if (result.ok) return result.value;
  throw invalid(result.code, result.message, [{ field, problem: result.message }]);
}

export interface SealedPerson {
  info: IdNumberInfo;
  age: number;
  idHash: string;
  idEnc: string;
  nameEnc: string;
  name: string;
}

export interface SealedCompanion {
  nameEnc: string | null;
  phoneHash: string | null;
  phoneEnc: string | null;
}

export function sealPerson(vault: VaultService, idNumber: string, rawName: string, at: number): SealedPerson {
  const info = valueOf(checkIdNumber(idNumber, new Date(at)), 'idNumber');
  const name = rawName.trim().replace(/\s+/g, ' ');
  if (!/^[\p{Script=Han}A-Za-z·•.\- ]{1,40}$/u.test(name)) {
    throw invalid('NAME_INVALID', '姓名只能包含汉字、字母和间隔号“·”，请按证件填写', [{ field: 'name', problem: '姓名格式不正确' }]);
  }
  return {
    info,
    age: ageOn(info.birthDate, new Date(at)),
    idHash: vault.hash('id', info.normalized),
    idEnc: vault.encrypt(info.normalized),
    nameEnc: vault.encrypt(name),
    name,
  };
}

export function sealPhone(vault: VaultService, phone: string, field: string) {
  const info = valueOf(checkMobile(phone), field);
  return { info, hash: vault.hash('phone', info.normalized), enc: vault.encrypt(info.normalized) };
}

export function sealCard(vault: VaultService, card: string) {
  const info = valueOf(checkBankCard(card), 'cardNumber');
  return { info, hash: vault.hash('card', info.normalized), enc: vault.encrypt(info.normalized) };
}

export function sealCompanion(vault: VaultService, relation: string, name?: string, phone?: string): SealedCompanion {
  if (relation === 'NONE') {
    if (name || phone) throw invalid('COMPANION_UNEXPECTED', '选择了“无人陪同”，请清空陪同人信息，或改选陪同关系', [{ field: 'companionRelation', problem: '陪同情况与陪同人信息不一致' }]);
    return { nameEnc: null, phoneHash: null, phoneEnc: null };
  }
  const trimmed = name?.trim();
  if (!trimmed && !phone) {
    throw invalid('COMPANION_REQUIRED', '有人陪同时，请至少登记陪同人姓名或电话', [{ field: 'companionName', problem: '请填写陪同人信息' }]);
  }
  const sealedPhone = phone ? sealPhone(vault, phone, 'companionPhone') : undefined;
  return { nameEnc: trimmed ? vault.encrypt(trimmed) : null, phoneHash: sealedPhone?.hash ?? null, phoneEnc: sealedPhone?.enc ?? null };
}

/** When it happened: the device's time for an offline submission, within reason; else now. */
export function openedAt(claimed: string | undefined, now: number): number {
  if (!claimed) return now;
  const at = Date.parse(claimed);
  if (at > now + CLOCK_SKEW_MS) throw invalid('OPENED_AT_FUTURE', '办理时间晚于当前时间，请检查手机时间设置', [{ field: 'openedAt', problem: '办理时间不正确' }]);
  if (at < now - OFFLINE_GRACE_MS) throw invalid('OPENED_AT_TOO_OLD', '离线登记已超过 7 天，无法补报，请联系管理员', [{ field: 'openedAt', problem: '办理时间过早' }]);
  return at;
}
