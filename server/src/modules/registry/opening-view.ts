import { ageOn, LABELS, maskCardNumber, maskIdNumber, maskPhone, regionName, type AlertStatus, type Disposition, type OpeningResult, type RuleHit, type Verdict } from '@duanka/shared';
import { iso } from '../../common/time';
import { maskName, type VaultService } from '../vault/vault.service';
import { parseHits, type OpeningAlert, type OpeningRow, type PersonRow } from './registry.repository';

const ADVICE: Record<Verdict, string> = {
  PASS: '未发现风险，可以继续办理。',
  VERIFY: '请当面核实客户身份与开户用途，进行防诈骗提示，如实记录核实情况后再决定是否办理。',
  STOP: '请暂停办理、不要发卡，向客户说明原因，并将情况移交公安机关。',
};

export function adviceFor(verdict: Verdict): string {
  return ADVICE[verdict];
}

export function personSummary(vault: VaultService, person: Pick<PersonRow, 'id_enc' | 'birth_date' | 'sex' | 'region_code'>, at: number) {
  return {
    maskedIdNumber: maskIdNumber(vault.decrypt(person.id_enc)),
    age: ageOn(person.birth_date, new Date(at)),
    sex: person.sex,
    regionName: regionName(person.region_code) ?? person.region_code,
  };
}

export function openingResult(row: OpeningRow, person: OpeningResult['person'], replayed: boolean, alertId?: string): OpeningResult {
  const hits: RuleHit[] = parseHits(row.hits);
  return {
    id: row.id,
    kind: row.kind,
    verdict: row.verdict,
    hits,
    advice: adviceFor(row.verdict),
    ...(alertId ? { alertId } : {}),
    replayed,
    person,
    createdAt: iso(row.created_at),
  };
}

/** A list row: masked, as every role but a police reveal sees it. */
export interface OpeningListItem {
  id: string;
  kind: 'BANK' | 'SIM';
  maskedIdNumber: string;
  maskedName: string;
  verdict: Verdict;
  outcome: string | null;
  openedAt: string;
  branchId: string;
  summary: string;
  cancelledAt: string | null;
  /** The police's handling of the alert this opening raised, fed back to the counter. */
  alert: { id: string; status: AlertStatus; statusLabel: string; disposition: Disposition | null; dispositionLabel: string | null } | null;
}

export function openingListItem(vault: VaultService, row: OpeningRow, person: Pick<PersonRow, 'id_enc' | 'name_enc'>, alert?: OpeningAlert): OpeningListItem {
  const summary =
    row.kind === 'BANK'
      ? `${row.account_class}类户 卡号 ${maskCardNumber(vault.decrypt(row.card_enc))} 预留手机 ${maskPhone(vault.decrypt(row.phone_enc))}`
      : `电话卡 ${maskPhone(vault.decrypt(row.number_enc))}`;
  return {
    id: row.id,
    kind: row.kind,
    maskedIdNumber: maskIdNumber(vault.decrypt(person.id_enc)),
    maskedName: maskName(vault.decrypt(person.name_enc)),
    verdict: row.verdict,
    outcome: row.outcome,
    openedAt: iso(row.opened_at),
    branchId: row.branch_id,
    summary,
    cancelledAt: row.cancelled_at === null ? null : iso(row.cancelled_at),
    alert: alert
      ? { id: alert.id, status: alert.status, statusLabel: LABELS.alertStatus[alert.status], disposition: alert.disposition, dispositionLabel: alert.disposition ? LABELS.disposition[alert.disposition] : null }
      : null,
  };
}
