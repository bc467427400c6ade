import { Injectable } from '@nestjs/common';
import { maxVerdict, type RuleHit, type Verdict } from '@duanka/shared';
import type { Sql } from '../../database/sql';
import { FactsRepository } from './facts.repository';
import { RuleBook, type ActiveRule } from './rule-book';
import type { Assessment, OpeningFacts, OpeningSubject } from './risk.types';
import { HOUR } from './rules/rule-kit';

/** Pure: every active rule over the loaded facts; the verdict is the highest level that fired. */
export function evaluate(subject: OpeningSubject, facts: OpeningFacts, rules: readonly ActiveRule[]): Assessment {
  const hits: RuleHit[] = [];
  const ruleVersions: Record<string, number> = {};
  let verdict: Verdict = 'PASS';
  for (const { rule, params, version } of rules) {
    ruleVersions[rule.code] = version;
    const found = rule.evaluate(subject, facts, params);
    if (found) {
      hits.push(found);
      verdict = maxVerdict(verdict, found.level);
    }
  }
  return { verdict, hits, ruleVersions };
}

/** How far back the facts must reach for these rules: the escort window, as parameterised. */
export function escortWindowMs(rules: readonly ActiveRule[]): number {
  const escort = rules.find((r) => r.rule.code === 'ESCORT_GROUP');
  return (escort?.params.windowHours ?? 2) * HOUR;
}

@Injectable()
export class RiskService {
  constructor(
    private readonly facts: FactsRepository,
    private readonly book: RuleBook,
  ) {}

  async assess(tx: Sql, subject: OpeningSubject): Promise<Assessment> {
    const rules = await this.book.active(tx);
    const facts = await this.facts.load(tx, subject, escortWindowMs(rules));
    return evaluate(subject, facts, rules);
  }
}
