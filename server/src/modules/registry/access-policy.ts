import { forbidden } from '../../common/domain-error';
import { coversArea, isPolice, type Actor } from '../auth/actor';
import type { OpeningScope } from './registry.repository';

/**
 * Who may see which openings (DESIGN §6): tellers their own branch, institution admins their
 * institution, police their jurisdiction (the squad's jurisdiction is the whole city).
 */
export function openingScope(actor: Actor): OpeningScope {
  if (actor.role === 'TELLER' && actor.branchId) return { by: 'branch', branchId: actor.branchId };
  if (actor.role === 'INSTITUTION_ADMIN' && actor.institutionId) return { by: 'institution', institutionId: actor.institutionId };
  if (isPolice(actor)) return { by: 'area', prefixes: actor.jurisdiction };
  throw forbidden('您的角色不能查看开户登记信息');
}

export function canSeeOpening(actor: Actor, opening: { branch_id: string; institution_id: string; area_code: string }): boolean {
  const scope = openingScope(actor);
  switch (scope.by) {
    case 'branch':
      return opening.branch_id === scope.branchId;
    case 'institution':
      return opening.institution_id === scope.institutionId;
    case 'area':
      return coversArea(actor, opening.area_code);
  }
}

export function assertPolice(actor: Actor): void {
  if (!isPolice(actor)) throw forbidden('只有公安民警可以查看完整身份信息', 'POLICE_ONLY');
}
