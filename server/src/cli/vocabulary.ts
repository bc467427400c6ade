import type { AccountClass, CompanionRelation, OpeningPurpose, SimCardKind } from '@duanka/shared';

// Vocabulary of the history, typed against @duanka/shared so that a renamed value fails to compile.
export const PURPOSE = {
  salary: 'SALARY', savings: 'SAVINGS', business: 'BUSINESS', socialSecurity: 'SOCIAL_SECURITY', loan: 'LOAN_REPAYMENT',
  student: 'STUDENT', other: 'OTHER',
} as const satisfies Record<string, OpeningPurpose>;
export const RELATION = {
  family: 'FAMILY', friend: 'FRIEND', agent: 'AGENT', stranger: 'STRANGER',
} as const satisfies Record<string, CompanionRelation>;
export const CLASS = { I: 'I', II: 'II', III: 'III' } as const satisfies Record<string, AccountClass>;
export const STANDARD_SIM: SimCardKind = 'STANDARD';
