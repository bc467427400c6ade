import { Inject, Injectable } from '@nestjs/common';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';
import type { PoliceUnitRow } from './org.repository';

const TTL_MS = 60_000;

interface UnitTree {
  units: Map<string, PoliceUnitRow>;
  children: Map<string, string[]>;
  /** Area prefixes, longest first, with the unit that owns each. */
  areas: { prefix: string; unitId: string }[];
  until: number;
}

/**
 * The police-unit tree, held in memory (a city has hundreds of units, not millions) and reloaded
 * every minute: who owns an area, who is above whom.
 */
@Injectable()
export class UnitDirectory {
  private tree: UnitTree | undefined;

  constructor(@Inject(SQL) private readonly sql: Sql) {}

  /** `via`: inside a transaction, load through it, never through a second pooled connection. */
  private async load(via: Sql = this.sql, now = Date.now()): Promise<UnitTree> {
    if (this.tree && this.tree.until > now) return this.tree;
    const units = await via.all<PoliceUnitRow>('SELECT id, parent_id, code, name, level FROM police_units');
    const areas = await via.all<{ unit_id: string; area_prefix: string }>('SELECT unit_id, area_prefix FROM police_unit_areas');
    const children = new Map<string, string[]>();
    for (const unit of units) {
      if (unit.parent_id) children.set(unit.parent_id, [...(children.get(unit.parent_id) ?? []), unit.id]);
    }
    this.tree = {
      units: new Map(units.map((u) => [u.id, u])),
      children,
      areas: areas.map((a) => ({ prefix: a.area_prefix, unitId: a.unit_id })).sort((a, b) => b.prefix.length - a.prefix.length),
      until: now + TTL_MS,
    };
    return this.tree;
  }

  invalidate(): void {
    this.tree = undefined;
  }

  /** The most specific unit whose area holds this code. */
  async ownerOf(areaCode: string, via?: Sql): Promise<PoliceUnitRow | undefined> {
    const tree = await this.load(via);
    const match = tree.areas.find((a) => areaCode.startsWith(a.prefix));
    return match && tree.units.get(match.unitId);
  }

  async unit(id: string): Promise<PoliceUnitRow | undefined> {
    return (await this.load()).units.get(id);
  }

  async parentOf(id: string, via?: Sql): Promise<PoliceUnitRow | undefined> {
    const tree = await this.load(via);
    const parent = tree.units.get(id)?.parent_id;
    return parent ? tree.units.get(parent) : undefined;
  }

  /** The unit and every unit below it. */
  async subtree(id: string): Promise<string[]> {
    const tree = await this.load();
    const result: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (!tree.units.has(current)) continue;
      result.push(current);
      stack.push(...(tree.children.get(current) ?? []));
    }
    return result;
  }

  /** The unit and every unit above it, up to the city squad. */
  async ancestry(id: string): Promise<string[]> {
    const tree = await this.load();
    const result: string[] = [];
    for (let current = tree.units.get(id); current; current = current.parent_id ? tree.units.get(current.parent_id) : undefined) {
      result.push(current.id);
    }
    return result;
  }
}
