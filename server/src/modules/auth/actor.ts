import type { Role } from '@duanka/shared';

/** Who is asking: resolved from the bearer token on every request, with the scope of their role. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  institutionId: string | null;
  branchId: string | null;
  policeUnitId: string | null;
  /** For police roles: the area-code prefixes of their unit and every unit below it. */
  jurisdiction: readonly string[];
  ip: string;
}

export function isPolice(actor: Actor): boolean {
  return actor.role === 'POLICE_OFFICER' || actor.role === 'SQUAD_ADMIN';
}

export function coversArea(actor: Actor, areaCode: string): boolean {
  return actor.jurisdiction.some((prefix) => areaCode.startsWith(prefix));
}
