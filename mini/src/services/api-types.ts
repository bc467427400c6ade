import type {
  AlertStatus, Disposition, Outcome, Role, RuleCode, TruthLabel, Verdict,
} from '@duanka/shared';

// Response shapes of the police, statistics and administration endpoints, as the server's OpenAPI
// document (/api/docs/json) describes them. @duanka/shared holds the teller's payloads; these are
// read only by the mini-program, so they live beside its client.

export type { StatsOverview, StatsTable, BacktestReport, WatchlistTarget, WatchlistEntry, WatchlistInput, ImportLineError, WatchlistImportResult, StaffItem } from '@duanka/shared';
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
