import type { AlertStatus, Role, RuleCode, Verdict, WatchlistKind } from './enums';

// Answers of the statistics, backtest, watchlist and staff endpoints: built by the server, read by
// the mini-program's squad and admin screens.

export interface StatsOverview {
  days: number;
  today: { openings: number; bank: number; sim: number; pass: number; verify: number; stop: number; refused: number; alerts: number };
  perDay: { day: string; bank: number; sim: number; verify: number; stop: number; refused: number; alerts: number }[];
  byInstitution: { institutionId: string; name: string; openings: number; verify: number; stop: number; refused: number }[];
  byDistrict: { district: string; name: string; openings: number; stop: number; alerts: number }[];
  alerts: {
    total: number;
    byState: Partial<Record<AlertStatus, number>>;
    byRule: { rule: RuleCode; alerts: number; labelled: number; confirmed: number; confirmedRate: number | null }[];
    /** 0..1, or null without alerts. */
    closedLoopRate: number | null;
    medianMinutesToAccept: number | null;
    medianHoursToClose: number | null;
    overdue: number;
  };
}

export type StatsTable = 'perDay' | 'byInstitution' | 'byDistrict' | 'byRule';

export interface BacktestReport {
  openings: number;
  live: Record<Verdict, number>;
  proposed: Record<Verdict, number>;
  hitsByRule: Record<string, { live: number; proposed: number }>;
  changed: number;
  newlyFlagged: { id: string; at: string; live: Verdict; proposed: Verdict; rules: string[] }[];
  noLongerFlagged: { id: string; at: string; live: Verdict; proposed: Verdict }[];
  truncated: boolean;
  millis: number;
}

export type WatchlistTarget = 'PERSON' | 'PHONE' | 'CARD';

export interface WatchlistEntry {
  id: string;
  kind: WatchlistKind;
  target: WatchlistTarget;
  maskedValue: string;
  reason: string;
  addedAt: string;
  expiresAt: string | null;
  removedAt: string | null;
}

export interface WatchlistInput {
  kind: WatchlistKind;
  target: WatchlistTarget;
  value: string;
  reason: string;
  expiresAt?: string;
}

export interface ImportLineError {
  line: number;
  code: string;
  message: string;
}

export interface WatchlistImportResult {
  imported: number;
  errors: ImportLineError[];
}

export interface StaffItem {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  branchId: string | null;
  policeUnitId: string | null;
  active: boolean;
  wechatBound: boolean;
}

/** One entry of the audit log, as an auditor reads it. `detail` never holds personal data. */
export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: Role | null;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

/** Newest first; pass `nextBefore` as `before` for the page after, null when there is none. */
export interface AuditPage {
  items: AuditEntryView[];
  nextBefore: number | null;
}
