import type {
  AlertStatus, Disposition, Outcome, Role, RuleCode, TruthLabel, Verdict, WatchlistKind,
} from '@duanka/shared';

// Response shapes of the police, statistics and administration endpoints, as the server's OpenAPI
// document (/api/docs/json) describes them. @duanka/shared holds the teller's payloads; these are
// read only by the mini-program, so they live beside its client.

export type { AlertKind, AlertCommand, AlertActionKind, AlertView, AlertAction, AlertDetail, AlertEvent } from '@duanka/shared';

export interface DisposeInput {
  disposition: Disposition;
  label: TruthLabel;
  note?: string;
}

export interface AssignInput {
  unitId?: string;
  officerId?: string;
  note?: string;
}

/** The police's handling of the alert an opening raised, as the counter sees it. */
export interface OpeningAlertFeedback {
  id: string;
  status: AlertStatus;
  statusLabel: string;
  disposition: Disposition | null;
  dispositionLabel: string | null;
}

export interface TimelineOpening {
  id: string;
  kind: 'BANK' | 'SIM';
  maskedIdNumber: string;
  maskedName: string;
  verdict: Verdict;
  outcome: Outcome | null;
  openedAt: string;
  branchId: string;
  summary: string;
  cancelledAt: string | null;
  alert: OpeningAlertFeedback | null;
  institutionId?: string;
  areaCode?: string;
}

export interface TimelineCancellation {
  id: string;
  kind: 'BANK' | 'SIM';
  openingId: string | null;
  cancelledAt: string;
  reason: string | null;
}

export interface PersonTimeline {
  person: { id: string; maskedIdNumber: string; age: number; sex: 'M' | 'F'; regionName: string };
  openings: TimelineOpening[];
  cancellations: TimelineCancellation[];
}

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

export type RuleParams = Record<string, number>;

export interface RuleVersion {
  code: RuleCode;
  version: number;
  enabled: boolean;
  params: RuleParams;
  authorId: string | null;
  /** Epoch milliseconds; 0 for the built-in version 0. */
  createdAt: number | string;
  note: string | null;
}

export interface RuleItem extends RuleVersion {
  defaults: RuleParams;
}

export interface RuleChange {
  enabled?: boolean;
  params?: RuleParams;
  note: string;
}

export interface BacktestRequest {
  from: string;
  to: string;
  changes: Partial<Record<RuleCode, { enabled?: boolean; params?: RuleParams }>>;
}

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

export interface NewStaff {
  username: string;
  displayName: string;
  role: Role;
  branchId?: string;
  institutionId?: string;
  policeUnitId?: string;
  password: string;
}

export interface BranchItem {
  id: string;
  code: string;
  name: string;
  areaCode: string;
  institution: { id: string; code: string; name: string; kind: 'BANK' | 'CARRIER' };
}

export interface PoliceUnitItem {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: 'CITY' | 'DISTRICT' | 'STATION' | 'COMMUNITY';
}
