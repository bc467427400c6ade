import { Injectable } from '@nestjs/common';
import { OrgRepository } from '../org/org.repository';
import type { Actor } from './actor';

type CachedActor = Omit<Actor, 'ip'>;
const TTL_MS = 30_000;

/**
 * Turns a token's staff id into a scoped Actor. Role, branch and jurisdiction are read from the
 * database, not trusted from the token, and cached for 30 s per process: a disabled account or a
 * moved officer loses access within that time on every server instance.
 */
@Injectable()
export class ActorResolver {
  private readonly cache = new Map<string, { actor: CachedActor | undefined; until: number }>();

  constructor(private readonly org: OrgRepository) {}

  async resolve(staffId: string, ip: string, now = Date.now()): Promise<Actor | undefined> {
    let entry = this.cache.get(staffId);
    if (!entry || entry.until < now) {
      entry = { actor: await this.load(staffId), until: now + TTL_MS };
      this.cache.set(staffId, entry);
    }
    return entry.actor && { ...entry.actor, ip };
  }

  forget(staffId: string): void {
    this.cache.delete(staffId);
  }

  private async load(staffId: string): Promise<CachedActor | undefined> {
    const staff = await this.org.staffById(staffId);
    if (!staff || !staff.active) return undefined;
    const jurisdiction = staff.police_unit_id ? await this.org.jurisdiction(staff.police_unit_id) : [];
    return {
      id: staff.id,
      username: staff.username,
      displayName: staff.display_name,
      role: staff.role,
      institutionId: staff.institution_id,
      branchId: staff.branch_id,
      policeUnitId: staff.police_unit_id,
      jurisdiction,
    };
  }
}
