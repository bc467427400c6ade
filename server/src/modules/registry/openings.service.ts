import { Inject, Injectable } from '@nestjs/common';
import { maskIdNumber, type OpeningResult, type Outcome, uuidV7 } from '@duanka/shared';
import { conflict, forbidden, invalid, notFound } from '../../common/domain-error';
import { dayRange } from '../../common/time';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import { isUniqueViolation } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { isPolice, type Actor } from '../auth/actor';
import { BranchDirectory } from '../org/branch-directory';
import type { BranchRow } from '../org/org.repository';
import { RiskService } from '../risk/risk.service';
import type { Assessment, OpeningSubject } from '../risk/risk.types';
import { AlertRaiser } from '../alerts/alert-raiser';
import { EventBus } from '../push/event-bus';
import { Clock } from '../../common/clock';
import { WechatClient } from '../wechat/wechat.client';
import { VaultService } from '../vault/vault.service';
import { canSeeOpening, openingScope } from './access-policy';
import type { BankOpeningDto, CancellationDto, SimRegistrationDto } from './dto/opening.dto';
import { openedAt, sealCard, sealCompanion, sealPerson, sealPhone, type SealedCompanion, type SealedPerson } from './opening-intake';
import { openingListItem, openingResult, personSummary, type OpeningListItem } from './opening-view';
import { RegistryRepository, type OpeningRow, type OpeningRowBase } from './registry.repository';

export interface RecordedOpening {
  result: OpeningResult;
  created: boolean;
}

/** What every opening carries into its transaction, once validated and sealed. */
interface Intake {
  id: string;
  kind: 'BANK' | 'SIM';
  at: number;
  now: number;
  requestHash: string;
  person: SealedPerson;
  companion: SealedCompanion & { relation: OpeningRowBase['companion_relation'] };
  phoneHash: string;
}

/**
 * The hot path of the product: one opening, read top to bottom.
 * validate → hash/encrypt → (one transaction: replay check, person, facts, rules, insert, audit) → answer.
 */
@Injectable()
export class OpeningsService {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly repo: RegistryRepository,
    private readonly vault: VaultService,
    private readonly audit: AuditService,
    private readonly branches: BranchDirectory,
    private readonly risk: RiskService,
    private readonly raiser: AlertRaiser,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly wechat: WechatClient,
  ) {}

  async recordBank(actor: Actor, dto: BankOpeningDto): Promise<RecordedOpening> {
    const branch = await this.counterBranch(actor, 'BANK');
    const now = this.clock.now();
    const at = openedAt(dto.openedAt, now);
    const person = sealPerson(this.vault, dto.idNumber, dto.name, at);
    const card = sealCard(this.vault, dto.cardNumber);
    if (card.info.issuer && card.info.issuer.code !== branch.institution_code) {
      throw invalid('CARD_ISSUER_MISMATCH', `该卡号属于${card.info.issuer.name}，与本行不符，请核对卡号`, [{ field: 'cardNumber', problem: '卡号与本行不符' }]);
    }
    const phone = sealPhone(this.vault, dto.phone, 'phone');
    const companion = sealCompanion(this.vault, dto.companionRelation, dto.companionName, dto.companionPhone);
    const requestHash = this.vault.hash('request', JSON.stringify([
      'BANK', person.info.normalized, person.name, dto.accountClass, card.info.normalized, phone.info.normalized,
      dto.purpose, dto.companionRelation, companion.phoneHash, dto.companionName?.trim() ?? null, dto.openedAt ?? null,
    ]));
    return this.record(actor, branch, { id: dto.id, kind: 'BANK', at, now, requestHash, person, companion: { ...companion, relation: dto.companionRelation }, phoneHash: phone.hash }, (personId) => ({
      subject: { ...this.subject(dto.id, 'BANK', at, personId, person, branch, phone.hash, dto.companionRelation, companion.phoneHash), cardHash: card.hash, accountClass: dto.accountClass },
      row: (base) => ({
        kind: 'BANK', ...base, purpose: dto.purpose, account_class: dto.accountClass, card_hash: card.hash, card_enc: card.enc,
        card_last4: card.info.last4, card_issuer: card.info.issuer?.code ?? null, phone_hash: phone.hash, phone_enc: phone.enc,
      }),
    }), [`card:${card.hash}`]);
  }

  async recordSim(actor: Actor, dto: SimRegistrationDto): Promise<RecordedOpening> {
    const branch = await this.counterBranch(actor, 'CARRIER');
    const now = this.clock.now();
    const at = openedAt(dto.openedAt, now);
    const person = sealPerson(this.vault, dto.idNumber, dto.name, at);
    const number = sealPhone(this.vault, dto.phoneNumber, 'phoneNumber');
    // A store of a basic carrier registers its own numbers; virtual-operator numbers ride on a host network.
    if (!number.info.virtualOperator && branch.institution_code !== number.info.carrier && isBasicCarrier(branch.institution_code)) {
      throw invalid('SIM_CARRIER_MISMATCH', '该号码不属于本运营商，请核对号码', [{ field: 'phoneNumber', problem: '号码与本营业厅运营商不符' }]);
    }
    const companion = sealCompanion(this.vault, dto.companionRelation, dto.companionName, dto.companionPhone);
    const requestHash = this.vault.hash('request', JSON.stringify([
      'SIM', person.info.normalized, person.name, number.info.normalized, dto.cardKind, dto.purpose ?? null,
      dto.companionRelation, companion.phoneHash, dto.companionName?.trim() ?? null, dto.openedAt ?? null,
    ]));
    return this.record(actor, branch, { id: dto.id, kind: 'SIM', at, now, requestHash, person, companion: { ...companion, relation: dto.companionRelation }, phoneHash: number.hash }, (personId) => ({
      subject: { ...this.subject(dto.id, 'SIM', at, personId, person, branch, number.hash, dto.companionRelation, companion.phoneHash), carrier: number.info.carrier, cardKind: dto.cardKind },
      row: (base) => ({
        kind: 'SIM', ...base, purpose: dto.purpose ?? null, number_hash: number.hash, number_enc: number.enc,
        carrier: number.info.carrier, card_kind: dto.cardKind,
      }),
    }), []);
  }

  /**
   * One transaction: person, facts, rules, opening, alert, audit. Idempotent by the client's id:
   * a retry returns the first record; a different body under the same id is a 409. Retries are
   * rare, so there is no look-up first: the opening's primary key refuses the second insert, the
   * transaction rolls back whole, and the first record is read and replayed. The locks make two
   * openings of one person (or one phone, one escort) queue, on every instance.
   */
  private async record(
    actor: Actor,
    branch: BranchRow,
    intake: Intake,
    draft: (personId: string) => { subject: OpeningSubject; row: (base: OpeningRowBase) => OpeningRow },
    lockKeys: string[],
  ): Promise<RecordedOpening> {
    const { id, kind, person } = intake;
    let written: { result: RecordedOpening; seq?: number };
    try {
      written = await this.sql.transaction(async (tx) => {
        const personId = await this.upsertPerson(tx, person, intake.now);
        const { subject, row: toRow } = draft(personId);
        const assessment = await this.risk.assess(tx, subject);
        const row = toRow(this.baseRow(actor, intake, personId, branch, assessment));
        if (row.kind === 'BANK') await this.repo.insertBank(tx, row);
        else await this.repo.insertSim(tx, row);
        const alert = await this.raiser.raiseForOpening(tx, subject, branch, assessment);
        await this.audit.record(actor, { action: `opening.${kind.toLowerCase()}.create`, subjectType: 'opening', subjectId: id, detail: { verdict: row.verdict } }, tx, intake.now);
        const summary = { maskedIdNumber: maskIdNumber(person.info.normalized), age: person.age, sex: person.info.sex, regionName: person.info.regionName };
        return { result: { result: openingResult(row, summary, false, alert?.alertId), created: true }, seq: alert?.seq };
      }, [`person:${person.idHash}`, `phone:${intake.phoneHash}`, `escort:${branch.id}`, ...lockKeys]);
    } catch (error) {
      // The id was recorded before (a retry, or two copies of one offline submission): replay it.
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.repo.findOpeningOfKind(this.sql, kind, id);
      if (!existing) throw error;
      return { result: await this.replay(existing, intake.requestHash, actor), created: false };
    }
    if (written.seq !== undefined) await this.bus.publish(written.seq);
    return written.result;
  }

  private async replay(existing: OpeningRow, requestHash: string, actor: Actor): Promise<OpeningResult> {
    if (existing.request_hash !== requestHash || existing.teller_id !== actor.id) {
      throw conflict('IDEMPOTENCY_CONFLICT', '该登记编号已用于另一笔不同的登记，请刷新页面后重新提交');
    }
    const person = await this.repo.personById(existing.person_id);
    if (!person) throw notFound('PERSON_NOT_FOUND', '未找到登记对象');
    return openingResult(existing, personSummary(this.vault, person, existing.opened_at), true);
  }

  private async upsertPerson(tx: Sql, person: SealedPerson, now: number): Promise<string> {
    // Most people at a counter are new to the registry: try the insert first, one statement for them.
    const id = uuidV7();
    const inserted = await this.repo.insertPersonIfNew(tx, {
      id, id_hash: person.idHash, id_enc: person.idEnc, name_enc: person.nameEnc,
      birth_date: person.info.birthDate, sex: person.info.sex, region_code: person.info.regionCode,
    }, now);
    if (inserted) return id;
    const found = (await this.repo.personByHash(person.idHash, tx))!;
    // Names change (marriage, correction): keep the latest one presented with the ID.
    if (this.vault.decrypt(found.name_enc) !== person.name) await this.repo.renamePerson(tx, found.id, person.nameEnc, now);
    return found.id;
  }

  private subject(
    id: string, kind: 'BANK' | 'SIM', at: number, personId: string, person: SealedPerson, branch: BranchRow,
    phoneHash: string, companionRelation: OpeningSubject['companionRelation'], companionPhoneHash: string | null,
  ): OpeningSubject {
    return {
      id, kind, at, personId, idHash: person.idHash, birthDate: person.info.birthDate, age: person.age,
      regionCode: person.info.regionCode, branchId: branch.id, areaCode: branch.area_code, institutionId: branch.institution_id,
      phoneHash, cardHash: null, accountClass: null, carrier: null, cardKind: null, companionRelation, companionPhoneHash,
    };
  }

  private baseRow(actor: Actor, intake: Intake, personId: string, branch: BranchRow, assessment: Assessment): OpeningRowBase {
    return {
      id: intake.id, person_id: personId, branch_id: branch.id, institution_id: branch.institution_id, area_code: branch.area_code,
      teller_id: actor.id, purpose: null, companion_relation: intake.companion.relation, companion_name_enc: intake.companion.nameEnc,
      companion_phone_hash: intake.companion.phoneHash, companion_phone_enc: intake.companion.phoneEnc, opened_at: intake.at,
      created_at: intake.now, verdict: assessment.verdict, hits: JSON.stringify(assessment.hits), rule_versions: JSON.stringify(assessment.ruleVersions),
      request_hash: intake.requestHash, outcome: null, outcome_at: null, outcome_by: null, cancelled_at: null,
    };
  }

  /** The teller's own branch, which must be of the kind of counter this opening belongs to. */
  private async counterBranch(actor: Actor, kind: 'BANK' | 'CARRIER'): Promise<BranchRow> {
    if (actor.role !== 'TELLER' || !actor.branchId) throw forbidden('只有网点柜员可以登记开户', 'TELLER_ONLY');
    const branch = await this.branches.get(actor.branchId);
    if (!branch) throw forbidden('您的账号未关联有效网点，请联系管理员', 'NO_BRANCH');
    if (branch.institution_kind !== kind) {
      throw forbidden(kind === 'BANK' ? '运营商营业厅不能登记银行开户' : '银行网点不能登记电话卡', 'WRONG_COUNTER');
    }
    return branch;
  }

  /** Reads an ID card photo for the form; what WeChat read goes back to the teller and nowhere else. */
  async recognizeIdCard(actor: Actor, image: Buffer, contentType: string): Promise<{ idNumber?: string; name?: string; side: string }> {
    if (actor.role !== 'TELLER') throw forbidden('只有网点柜员可以识别证件');
    const result = await this.wechat.ocrIdCard(image, contentType);
    await this.audit.record(actor, { action: 'ocr.id_card', detail: { side: result.side, read: Boolean(result.idNumber) } });
    return { side: result.side, idNumber: result.idNumber, name: result.name };
  }

  async recordOutcome(actor: Actor, id: string, outcome: Outcome, note?: string): Promise<{ id: string; outcome: Outcome }> {
    const opening = await this.visibleOpening(actor, id);
    if (actor.role !== 'TELLER' || opening.branch_id !== actor.branchId) throw forbidden('只有办理网点的柜员可以登记办理结果');
    if (outcome === 'ISSUED' && opening.verdict === 'STOP') {
      throw invalid('OUTCOME_BLOCKED', '该笔登记的研判结果为“停止办理”，不能登记为已办理', [{ field: 'outcome', problem: '停止办理的登记不能发卡' }]);
    }
    await this.sql.transaction(async (tx) => {
      const ok = await this.repo.setOutcome(tx, opening.kind, id, outcome, actor.id, Date.now());
      if (!ok) throw conflict('OUTCOME_ALREADY_RECORDED', '该笔登记已记录了其他办理结果，不能更改');
      await this.audit.record(actor, { action: 'opening.outcome', subjectType: 'opening', subjectId: id, detail: { outcome, note: note ? 'provided' : undefined } }, tx);
    });
    return { id, outcome };
  }

  async cancel(actor: Actor, dto: CancellationDto): Promise<{ id: string; openingId: string; cancelledAt: string; replayed: boolean }> {
    const opening = await this.repo.findOpening(dto.openingId);
    if (!opening) throw notFound('OPENING_NOT_FOUND', '未找到该开户记录，请核对编号');
    if (actor.role !== 'TELLER' || !actor.institutionId || opening.institution_id !== actor.institutionId) {
      throw forbidden('只有开户机构的柜员可以登记销户');
    }
    const at = openedAt(dto.cancelledAt, Date.now());
    if (at < opening.opened_at) throw invalid('CANCELLED_BEFORE_OPENED', '销户时间早于开户时间，请核对', [{ field: 'cancelledAt', problem: '销户时间不正确' }]);
    const requestHash = this.vault.hash('request', JSON.stringify(['CANCEL', dto.openingId, dto.reason, dto.cancelledAt ?? null]));
    return this.sql.transaction(async (tx) => {
      const existing = await this.repo.cancellation(tx, dto.id);
      if (existing) {
        if (existing.request_hash !== requestHash) throw conflict('IDEMPOTENCY_CONFLICT', '该登记编号已用于另一笔不同的登记，请刷新页面后重新提交');
        return { id: existing.id, openingId: existing.opening_id, cancelledAt: new Date(existing.cancelled_at).toISOString(), replayed: true };
      }
      if (opening.cancelled_at !== null) throw conflict('ALREADY_CANCELLED', '该账户或号码已登记过注销');
      await this.repo.insertCancellation(tx, {
        id: dto.id, kind: opening.kind, openingId: opening.id, personId: opening.person_id, cancelledAt: at, reason: dto.reason,
        recordedBy: actor.id, branchId: actor.branchId ?? opening.branch_id, requestHash, at: Date.now(),
      });
      await this.repo.markCancelled(tx, opening.kind, opening.id, at);
      await this.audit.record(actor, { action: 'opening.cancel', subjectType: 'opening', subjectId: opening.id }, tx);
      return { id: dto.id, openingId: opening.id, cancelledAt: new Date(at).toISOString(), replayed: false };
    }, [`person:${opening.person_id}`]);
  }

  async list(actor: Actor, date?: string, kind?: 'BANK' | 'SIM'): Promise<{ items: OpeningListItem[] }> {
    const scope = openingScope(actor);
    const [from, to] = dayRange(date);
    const rows = await this.repo.listDay(scope, from, to, kind);
    const people = new Map<string, Awaited<ReturnType<RegistryRepository['personById']>>>();
    for (const row of rows) if (!people.has(row.person_id)) people.set(row.person_id, await this.repo.personById(row.person_id));
    const alerts = await this.repo.alertsOf(rows.map((r) => r.id));
    const items = rows.flatMap((row) => {
      const person = people.get(row.person_id);
      return person ? [openingListItem(this.vault, row, person, alerts.get(row.id))] : [];
    });
    await this.audit.record(actor, { action: 'opening.list', detail: { date: date ?? 'today', kind: kind ?? 'ALL', count: items.length } });
    return { items };
  }

  async detail(actor: Actor, id: string): Promise<OpeningListItem & Pick<OpeningResult, 'hits' | 'advice' | 'person'> & { personId?: string }> {
    const opening = await this.visibleOpening(actor, id);
    const person = await this.repo.personById(opening.person_id);
    if (!person) throw notFound('PERSON_NOT_FOUND', '未找到登记对象');
    await this.audit.record(actor, { action: 'opening.read', subjectType: 'opening', subjectId: id });
    const result = openingResult(opening, personSummary(this.vault, person, opening.opened_at), false);
    const alert = (await this.repo.alertsOf([id])).get(id);
    return {
      ...openingListItem(this.vault, opening, person, alert),
      hits: result.hits,
      advice: result.advice,
      person: result.person,
      // Police follow a person across the city; other roles never get the person's key.
      ...(isPolice(actor) ? { personId: opening.person_id } : {}),
    };
  }

  /** An opening the caller may see; 404 when it does not exist, 403 when it is outside their scope. */
  async visibleOpening(actor: Actor, id: string): Promise<OpeningRow> {
    const opening = await this.repo.findOpening(id);
    if (!opening) throw notFound('OPENING_NOT_FOUND', '未找到该登记记录');
    if (!canSeeOpening(actor, opening)) {
      await this.audit.record(actor, { action: 'access.denied', subjectType: 'opening', subjectId: id });
      throw forbidden('该记录不在您的查看范围内');
    }
    return opening;
  }
}

function isBasicCarrier(code: string): boolean {
  return code === 'CMCC' || code === 'CUCC' || code === 'CTCC' || code === 'CBN';
}

