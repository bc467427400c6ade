import { Inject, Injectable } from '@nestjs/common';
import { uuidV7, type Role, type StaffItem as StaffListItem } from '@duanka/shared';
import { Clock } from '../../common/clock';
import { conflict, forbidden, invalid, notFound } from '../../common/domain-error';
import { SQL } from '../../database/database.module';
import { isUniqueViolation, type Sql, type SqlValue } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import type { Actor } from './actor';
import { ActorResolver } from './actor.resolver';
import { hashPassword } from './password';
import { BranchDirectory } from '../org/branch-directory';
import type { CreateStaffDto, UpdateStaffDto } from './dto/staff.dto';
import type { StaffRow } from '../org/org.repository';
import { OrgRepository } from '../org/org.repository';
import { UnitDirectory } from '../org/unit-directory';

// Who manages whom: an institution admin its tellers and admins, the squad the police, the
// system admin everyone.
const MANAGES: Record<Role, readonly Role[]> = {
  SYSTEM_ADMIN: ['TELLER', 'INSTITUTION_ADMIN', 'POLICE_OFFICER', 'SQUAD_ADMIN', 'SYSTEM_ADMIN'],
  INSTITUTION_ADMIN: ['TELLER', 'INSTITUTION_ADMIN'],
  SQUAD_ADMIN: ['POLICE_OFFICER', 'SQUAD_ADMIN'],
  POLICE_OFFICER: [],
  TELLER: [],
};

/** Staff accounts, managed within the manager's own institution or the police. */
@Injectable()
export class StaffService {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly org: OrgRepository,
    private readonly branches: BranchDirectory,
    private readonly units: UnitDirectory,
    private readonly audit: AuditService,
    private readonly actors: ActorResolver,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<{ items: StaffListItem[] }> {
    const roles = MANAGES[actor.role];
    if (roles.length === 0) throw forbidden('您的角色不能管理账号');
    const params: SqlValue[] = [...roles];
    let where = `role IN (${roles.map(() => '?').join(', ')})`;
    if (actor.role === 'INSTITUTION_ADMIN') {
      where += ' AND institution_id = ?';
      params.push(actor.institutionId);
    }
    const rows = await this.sql.all<StaffRow>(
      `SELECT id, username, display_name, role, password_hash, institution_id, branch_id, police_unit_id, wechat_openid, active FROM staff WHERE ${where} ORDER BY username LIMIT 2000`,
      params,
    );
    await this.audit.record(actor, { action: 'staff.list', detail: { count: rows.length } });
    return { items: rows.map(toItem) };
  }

  async create(actor: Actor, dto: CreateStaffDto): Promise<StaffListItem> {
    if (!MANAGES[actor.role].includes(dto.role)) throw forbidden('您不能创建该角色的账号');
    let institutionId: string | null = null;
    let branchId: string | null = null;
    let policeUnitId: string | null = null;
    if (dto.role === 'TELLER') {
      const branch = dto.branchId ? await this.branches.get(dto.branchId) : undefined;
      if (!branch) throw invalid('BRANCH_REQUIRED', '柜员账号必须选择所在网点');
      branchId = branch.id;
      institutionId = branch.institution_id;
    } else if (dto.role === 'INSTITUTION_ADMIN') {
      institutionId = dto.institutionId ?? actor.institutionId;
      if (!institutionId) throw invalid('INSTITUTION_REQUIRED', '机构管理员账号必须选择所属机构');
    } else if (dto.role === 'POLICE_OFFICER' || dto.role === 'SQUAD_ADMIN') {
      const unit = dto.policeUnitId ? await this.units.unit(dto.policeUnitId) : undefined;
      if (!unit) throw invalid('UNIT_REQUIRED', '民警账号必须选择所在公安单位');
      policeUnitId = unit.id;
    }
    if (actor.role === 'INSTITUTION_ADMIN' && institutionId !== actor.institutionId) throw forbidden('只能为本机构创建账号');
    const id = uuidV7();
    const passwordHash = await hashPassword(dto.password);
    try {
      await this.sql.transaction(async (tx) => {
        await tx.run(
          `INSERT INTO staff (id, username, display_name, role, password_hash, institution_id, branch_id, police_unit_id, active, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [id, dto.username, dto.displayName, dto.role, passwordHash, institutionId, branchId, policeUnitId, true, this.clock.now()],
        );
        await this.audit.record(actor, { action: 'staff.create', subjectType: 'staff', subjectId: id, detail: { role: dto.role } }, tx);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('USERNAME_TAKEN', '该用户名已被使用，请换一个');
      throw error;
    }
    return toItem((await this.org.staffById(id))!);
  }

  async update(actor: Actor, id: string, dto: UpdateStaffDto): Promise<StaffListItem> {
    const staff = await this.manageable(actor, id);
    if (dto.active === false && staff.id === actor.id) throw invalid('SELF_DISABLE', '不能停用自己的账号');
    await this.sql.transaction(async (tx) => {
      if (dto.displayName !== undefined) await tx.run('UPDATE staff SET display_name = ? WHERE id = ?', [dto.displayName, id]);
      if (dto.active !== undefined) await tx.run('UPDATE staff SET active = ? WHERE id = ?', [dto.active, id]);
      await this.audit.record(actor, { action: 'staff.update', subjectType: 'staff', subjectId: id, detail: { active: dto.active } }, tx);
    });
    this.actors.forget(id);
    return toItem((await this.org.staffById(id))!);
  }

  async resetPassword(actor: Actor, id: string, password: string): Promise<void> {
    await this.manageable(actor, id);
    const hash = await hashPassword(password);
    await this.sql.transaction(async (tx) => {
      await tx.run('UPDATE staff SET password_hash = ? WHERE id = ?', [hash, id]);
      await this.audit.record(actor, { action: 'staff.password_reset', subjectType: 'staff', subjectId: id }, tx);
    });
  }

  private async manageable(actor: Actor, id: string): Promise<StaffRow> {
    const staff = await this.org.staffById(id);
    if (!staff) throw notFound('STAFF_NOT_FOUND', '未找到该账号');
    const sameInstitution = actor.role !== 'INSTITUTION_ADMIN' || staff.institution_id === actor.institutionId;
    if (!MANAGES[actor.role].includes(staff.role) || !sameInstitution) throw forbidden('您不能管理该账号');
    return staff;
  }
}

function toItem(row: StaffRow): StaffListItem {
  return {
    id: row.id, username: row.username, displayName: row.display_name, role: row.role, institutionId: row.institution_id,
    branchId: row.branch_id, policeUnitId: row.police_unit_id, active: Boolean(row.active), wechatBound: Boolean(row.wechat_openid),
  };
}
