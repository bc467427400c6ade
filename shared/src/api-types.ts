import type {
  AccountClass,
  CompanionRelation,
  OpeningPurpose,
  Role,
  RuleCode,
  SimCardKind,
  Verdict,
} from './enums';

// Payloads exchanged between the mini-program and the server. Plain interfaces: the server's DTO
// classes implement them, the mini-program's client is typed with them.

export interface BankOpeningRequest {
  id: string; // client-generated UUID: the same id sent twice (offline queue) is recorded once
  idNumber: string;
  name: string;
  accountClass: AccountClass;
  cardNumber: string;
  phone: string; // the phone number reserved on the account
  purpose: OpeningPurpose;
  companionRelation: CompanionRelation;
  companionName?: string;
  companionPhone?: string;
  openedAt?: string; // ISO 8601, when the opening happened offline
}

export interface SimRegistrationRequest {
  id: string;
  idNumber: string;
  name: string;
  phoneNumber: string;
  cardKind: SimCardKind;
  purpose?: OpeningPurpose;
  companionRelation: CompanionRelation;
  companionName?: string;
  companionPhone?: string;
  openedAt?: string;
}

export interface EvidenceItem {
  kind: 'OPENING' | 'PERSON' | 'BRANCH' | 'WATCHLIST' | 'STAT';
  ref?: string;
  at?: string;
  text: string;
}

export interface RuleHit {
  rule: RuleCode;
  level: Verdict;
  title: string;
  explanation: string;
  advice: string;
  evidence: EvidenceItem[];
}

export interface OpeningResult {
  id: string;
  kind: 'BANK' | 'SIM';
  verdict: Verdict;
  hits: RuleHit[];
  advice: string;
  alertId?: string;
  replayed: boolean; // true when this id had been recorded before and the stored result is returned
  person: { maskedIdNumber: string; age: number; sex: 'M' | 'F'; regionName: string };
  createdAt: string;
}

export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

export interface LoginResponse {
  accessToken: string;
  expiresIn: number;
  staff: {
    id: string;
    username: string;
    displayName: string;
    role: Role;
    branchId?: string;
    institutionId?: string;
    policeUnitId?: string;
  };
}
