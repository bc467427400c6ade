import { Injectable } from '@nestjs/common';
import { checkIdNumber } from '@duanka/shared';
import { forbidden, notFound } from '../../common/domain-error';
import { iso } from '../../common/time';
import { AuditService } from '../audit/audit.service';
import { coversArea, type Actor } from '../auth/actor';
import { VaultService } from '../vault/vault.service';
import { assertPolice } from './access-policy';
import { valueOf } from './opening-intake';
import { openingListItem, personSummary } from './opening-view';
import { RegistryRepository, type OpeningRow, type PersonRow } from './registry.repository';

/** A person's city-wide timeline and the audited reveal of full identity: police only. */
@Injectable()
export class PersonsService {
  constructor(
    private readonly repo: RegistryRepository,
    private readonly vault: VaultService,
    private readonly audit: AuditService,
  ) {}

  async timeline(actor: Actor, personId: string) {
    assertPolice(actor);
    const { person, openings } = await this.inJurisdiction(actor, personId);
    const cancellations = await this.repo.personCancellations(personId);
    const alerts = await this.repo.alertsOf(openings.map((o) => o.id));
    await this.audit.record(actor, { action: 'person.timeline', subjectType: 'person', subjectId: personId, detail: { openings: openings.length } });
    return {
      person: { id: person.id, ...personSummary(this.vault, person, Date.now()) },
      openings: openings.map((o) => ({ ...openingListItem(this.vault, o, person, alerts.get(o.id)), institutionId: o.institution_id, areaCode: o.area_code })),
      cancellations: cancellations.map((c) => ({ id: c.id, kind: c.kind, openingId: c.opening_id, cancelledAt: iso(c.cancelled_at), reason: c.reason })),
    };
  }

  async lookup(actor: Actor, idNumber: string, reason: string) {
    assertPolice(actor);
    const info = valueOf(checkIdNumber(idNumber), 'idNumber');
    const idHash = this.vault.hash('id', info.normalized);
    const person = await this.repo.personByHash(idHash);
    await this.audit.record(actor, { action: 'person.lookup', subjectType: 'person', subjectId: person?.id, detail: { reason, found: Boolean(person) } });
    if (!person) throw notFound('PERSON_NOT_FOUND', '两卡库中没有此人的开户或办卡记录');
    return this.timeline(actor, person.id);
  }

  async reveal(actor: Actor, personId: string, reason: string) {
    assertPolice(actor);
    const { person } = await this.inJurisdiction(actor, personId);
    await this.audit.record(actor, { action: 'person.reveal', subjectType: 'person', subjectId: personId, detail: { reason } });
    return { id: person.id, idNumber: this.vault.decrypt(person.id_enc), name: this.vault.decrypt(person.name_enc) };
  }

  async revealOpening(actor: Actor, opening: OpeningRow, reason: string) {
    assertPolice(actor);
    await this.audit.record(actor, { action: 'opening.reveal', subjectType: 'opening', subjectId: opening.id, detail: { reason } });
    const companion = {
      companionName: opening.companion_name_enc ? this.vault.decrypt(opening.companion_name_enc) : null,
      companionPhone: opening.companion_phone_enc ? this.vault.decrypt(opening.companion_phone_enc) : null,
    };
    return opening.kind === 'BANK'
      ? { id: opening.id, kind: opening.kind, cardNumber: this.vault.decrypt(opening.card_enc), phone: this.vault.decrypt(opening.phone_enc), ...companion }
      : { id: opening.id, kind: opening.kind, phoneNumber: this.vault.decrypt(opening.number_enc), ...companion };
  }

  /** The squad sees everyone; an officer sees a person who has opened something in their jurisdiction. */
  private async inJurisdiction(actor: Actor, personId: string): Promise<{ person: PersonRow; openings: OpeningRow[] }> {
    const person = await this.repo.personById(personId);
    if (!person) throw notFound('PERSON_NOT_FOUND', '两卡库中没有此人的开户或办卡记录');
    const openings = await this.repo.personOpenings(personId);
    if (!openings.some((o) => coversArea(actor, o.area_code))) {
      await this.audit.record(actor, { action: 'access.denied', subjectType: 'person', subjectId: personId });
      throw forbidden('此人的开户记录不在您的辖区内');
    }
    return { person, openings };
  }
}
