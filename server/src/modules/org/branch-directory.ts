import { Injectable } from '@nestjs/common';
import { OrgRepository, type BranchRow } from './org.repository';

const TTL_MS = 60_000;

/** Branches change rarely and are read on every opening: keep them a minute per process. */
@Injectable()
export class BranchDirectory {
  private readonly cache = new Map<string, { branch: BranchRow | undefined; until: number }>();

  constructor(private readonly org: OrgRepository) {}

  async get(id: string, now = Date.now()): Promise<BranchRow | undefined> {
    const cached = this.cache.get(id);
    if (cached && cached.until > now) return cached.branch;
    const branch = await this.org.branch(id);
    this.cache.set(id, { branch, until: now + TTL_MS });
    return branch;
  }
}
