import type { Rule, RuleDefinition } from '../risk.types';
import { branchSpike } from './branch-spike';
import { classIDuplicate } from './class-i-duplicate.rule';
import { escortGroup } from './escort-group.rule';
import { fraudLinked } from './fraud-linked.rule';
import { multiBankBurst } from './multi-bank-burst.rule';
import { quickChurn } from './quick-churn.rule';
import { sharedPhone } from './shared-phone.rule';
import { simBurst } from './sim-burst.rule';
import { simCarrierLimit } from './sim-carrier-limit.rule';
import { twoCardCombo } from './two-card-combo.rule';
import { vulnerable } from './vulnerable.rule';
import { watchlistPunished } from './watchlist-punished.rule';
import { youthNonlocal } from './youth-nonlocal.rule';

/** Rules judged at the counter, one per file, in catalogue order (DESIGN §5). BRANCH_SPIKE runs on a timer. */
export const OPENING_RULES: readonly Rule[] = [
  watchlistPunished, classIDuplicate, simCarrierLimit, multiBankBurst, simBurst, twoCardCombo,
  sharedPhone, escortGroup, quickChurn, youthNonlocal, fraudLinked, vulnerable,
];

/** Every rule of the catalogue, the counter's and the branch-spike watch. */
export const ALL_RULES: readonly RuleDefinition[] = [...OPENING_RULES, branchSpike];
