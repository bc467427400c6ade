import { LABELS, type EvidenceItem, type RuleCode, type RuleHit, type Verdict } from '@duanka/shared';
import { CITY_UTC_OFFSET_MS } from '../../../common/time';
import type { PastOpening } from '../risk.types';

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

/** '11-25 10:32' in city time: enough for an officer to find the opening, no personal data. */
export function when(at: number): string {
  return new Date(at + CITY_UTC_OFFSET_MS).toISOString().slice(5, 16).replace('T', ' ');
}

export function openingEvidence(opening: PastOpening, extra = ''): EvidenceItem {
  const what = opening.kind === 'BANK'
    ? `开立${opening.accountClass ? LABELS.accountClass[opening.accountClass] : '账户'}`
    : `办理${opening.carrier ? LABELS.carrier[opening.carrier] : ''}电话卡`;
  return {
    kind: 'OPENING',
    ref: opening.id,
    at: new Date(opening.openedAt).toISOString(),
    text: `${when(opening.openedAt)} 在${opening.branchName}${what}${extra}`,
  };
}

export function hit(rule: RuleCode, level: Verdict, explanation: string, advice: string, evidence: EvidenceItem[]): RuleHit {
  return { rule, level, title: LABELS.ruleCode[rule], explanation, advice, evidence };
}

export function within(openings: readonly PastOpening[], since: number): PastOpening[] {
  return openings.filter((o) => o.openedAt >= since);
}

export function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
