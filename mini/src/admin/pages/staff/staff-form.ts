import type { Role } from '@duanka/shared';
import type { BranchItem, NewStaff, PoliceUnitItem } from '../../../services/api-types';

/** Which roles each manager may create (the server enforces the same). */
export const CREATABLE: Record<Role, readonly Role[]> = {
  SYSTEM_ADMIN: ['TELLER', 'INSTITUTION_ADMIN', 'POLICE_OFFICER', 'SQUAD_ADMIN', 'SYSTEM_ADMIN'],
  INSTITUTION_ADMIN: ['TELLER', 'INSTITUTION_ADMIN'],
  SQUAD_ADMIN: ['POLICE_OFFICER', 'SQUAD_ADMIN'],
  POLICE_OFFICER: [],
  TELLER: [],
};

export interface StaffDraft {
  username: string;
  displayName: string;
  role?: Role;
  branchId?: string;
  institutionId?: string;
  policeUnitId?: string;
  password: string;
}

export const emptyDraft = (): StaffDraft => ({ username: '', displayName: '', password: '' });

export type Binding = 'branch' | 'institution' | 'unit' | 'none';

export function bindingOf(role: Role | undefined): Binding {
  if (role === 'TELLER') return 'branch';
  if (role === 'INSTITUTION_ADMIN') return 'institution';
  if (role === 'POLICE_OFFICER' || role === 'SQUAD_ADMIN') return 'unit';
  return 'none';
}

/** The institutions that have branches, from the branch list (there is no separate endpoint). */
export function institutionsOf(branches: BranchItem[]): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const branch of branches) seen.set(branch.institution.id, branch.institution.name);
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The request, or the first thing still missing (in the words the form uses). */
export function staffRequest(draft: StaffDraft, ownInstitution: string | null): { request?: NewStaff; missing?: string } {
  if (!/^[a-zA-Z0-9._-]{3,64}$/.test(draft.username.trim())) return { missing: '用户名为 3 至 64 位字母、数字、点、下划线或短横线' };
  if (!draft.displayName.trim()) return { missing: '请填写姓名' };
  if (!draft.role) return { missing: '请选择角色' };
  const base = { username: draft.username.trim(), displayName: draft.displayName.trim(), role: draft.role, password: draft.password };
  let request: NewStaff = base;
  const binding = bindingOf(draft.role);
  if (binding === 'branch') {
    if (!draft.branchId) return { missing: '请选择所在网点' };
    request = { ...base, branchId: draft.branchId };
  } else if (binding === 'institution') {
    const institutionId = ownInstitution ?? draft.institutionId;
    if (!institutionId) return { missing: '请选择所属机构' };
    request = { ...base, institutionId };
  } else if (binding === 'unit') {
    if (!draft.policeUnitId) return { missing: '请选择所在公安单位' };
    request = { ...base, policeUnitId: draft.policeUnitId };
  }
  if (draft.password.length < 8) return { missing: '初始密码至少 8 位' };
  return { request };
}

/** Where an account belongs, for the list: its branch, institution or police unit. */
export function placeOf(
  staff: { branchId: string | null; institutionId: string | null; policeUnitId: string | null },
  branches: Map<string, BranchItem>,
  units: Map<string, PoliceUnitItem>,
): string {
  if (staff.branchId) return branches.get(staff.branchId)?.name ?? '';
  if (staff.policeUnitId) return units.get(staff.policeUnitId)?.name ?? '';
  if (staff.institutionId) {
    for (const branch of branches.values()) if (branch.institution.id === staff.institutionId) return branch.institution.name;
  }
  return '';
}
