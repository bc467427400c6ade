import { api } from './api-client';
import type { PoliceUnitItem } from './api-types';

/** The police-unit tree with the questions the alert screens ask of it. */
export interface UnitTree {
  units: PoliceUnitItem[];
  byId: Map<string, PoliceUnitItem>;
  /** The unit and every unit below it. */
  subtree(rootId: string): Set<string>;
  /** The units below `rootId` (not itself), in tree order, with their depth below it. */
  below(rootId: string): { unit: PoliceUnitItem; depth: number }[];
  parentOf(unitId: string): PoliceUnitItem | undefined;
}

export function unitTree(units: PoliceUnitItem[]): UnitTree {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string, PoliceUnitItem[]>();
  for (const unit of units) {
    if (!unit.parentId) continue;
    const list = children.get(unit.parentId) ?? [];
    list.push(unit);
    children.set(unit.parentId, list);
  }
  const below = (rootId: string) => {
    const out: { unit: PoliceUnitItem; depth: number }[] = [];
    const walk = (id: string, depth: number) => {
      for (const child of children.get(id) ?? []) {
        out.push({ unit: child, depth });
        walk(child.id, depth + 1);
      }
    };
    walk(rootId, 1);
    return out;
  };
  return {
    units,
    byId,
    below,
    subtree: (rootId) => new Set([rootId, ...below(rootId).map((entry) => entry.unit.id)]),
    parentOf: (unitId) => {
      const parentId = byId.get(unitId)?.parentId;
      return parentId ? byId.get(parentId) : undefined;
    },
  };
}

let cached: Promise<UnitTree> | null = null;

/** The tree, fetched once per app session (it changes only when the city reorganises). */
export function loadUnitTree(): Promise<UnitTree> {
  if (!cached) {
    cached = api.policeUnits().then(({ items }) => unitTree(items));
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** For tests. */
export function forgetUnitTree(): void {
  cached = null;
}
