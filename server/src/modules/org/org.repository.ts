import { Inject, Injectable } from '@nestjs/common';
import type { InstitutionKind, PoliceUnitLevel, Role } from '@duanka/shared';
import { SQL } from '../../database/database.module';
import type { Sql } from '../../database/sql';

export interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  institution_id: string | null;
  branch_id: string | null;
  police_unit_id: string | null;
  wechat_openid: string | null;
  active: boolean | number;
}

export interface BranchRow {
  id: string;
  code: string;
  name: string;
  area_code: string;
  institution_id: string;
  institution_code: string;
  institution_name: string;
  institution_kind: InstitutionKind;
}

export interface PoliceUnitRow {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  level: PoliceUnitLevel;
}

const STAFF_COLUMNS = 'id, username, display_name, role, password_hash, institution_id, branch_id, police_unit_id, wechat_openid, active';
const BRANCH_SELECT = `SELECT b.id, b.code, b.name, b.area_code, b.institution_id, i.code AS institution_code,
  i.name AS institution_name, i.kind AS institution_kind FROM branches b JOIN institutions i ON i.id = b.institution_id`;

/** Institutions, branches, the police-unit tree and staff. */
@Injectable()
export class OrgRepository {
  constructor(@Inject(SQL) private readonly sql: Sql) {}

  staffByUsername(username: string): Promise<StaffRow | undefined> {
    return this.sql.get<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE username = ?`, [username]);
  }

  staffById(id: string, via: Sql = this.sql): Promise<StaffRow | undefined> {
    return via.get<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`, [id]);
  }

  staffByOpenid(openid: string): Promise<StaffRow | undefined> {
    return this.sql.get<StaffRow>(`SELECT ${STAFF_COLUMNS} FROM staff WHERE wechat_openid = ?`, [openid]);
  }

  async bindOpenid(staffId: string, openid: string): Promise<void> {
    await this.sql.run('UPDATE staff SET wechat_openid = ? WHERE id = ?', [openid, staffId]);
  }

  branch(id: string): Promise<BranchRow | undefined> {
    return this.sql.get<BranchRow>(`${BRANCH_SELECT} WHERE b.id = ?`, [id]);
  }

  branches(institutionId?: string): Promise<BranchRow[]> {
    return institutionId
      ? this.sql.all<BranchRow>(`${BRANCH_SELECT} WHERE b.institution_id = ? ORDER BY b.code`, [institutionId])
      : this.sql.all<BranchRow>(`${BRANCH_SELECT} ORDER BY b.code`);
  }

  policeUnits(): Promise<PoliceUnitRow[]> {
    return this.sql.all<PoliceUnitRow>('SELECT id, parent_id, code, name, level FROM police_units ORDER BY code');
  }

  /** Area prefixes owned by a unit and every unit below it. */
  async jurisdiction(unitId: string): Promise<string[]> {
    const rows = await this.sql.all<{ area_prefix: string }>(
      `WITH RECURSIVE tree(id) AS (SELECT id FROM police_units WHERE id = ?
         UNION ALL SELECT u.id FROM police_units u JOIN tree t ON u.parent_id = t.id)
       SELECT DISTINCT a.area_prefix FROM police_unit_areas a JOIN tree t ON a.unit_id = t.id`,
      [unitId],
    );
    return rows.map((r) => r.area_prefix);
  }

  /** The most specific unit whose area owns this code: the one an alert from there goes to. */
  async ownerUnit(areaCode: string): Promise<PoliceUnitRow | undefined> {
    return this.sql.get<PoliceUnitRow>(
      `SELECT u.id, u.parent_id, u.code, u.name, u.level FROM police_unit_areas a JOIN police_units u ON u.id = a.unit_id
       WHERE ? LIKE a.area_prefix || '%' ORDER BY length(a.area_prefix) DESC, u.code LIMIT 1`,
      [areaCode],
    );
  }
}
