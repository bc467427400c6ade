import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/domain-error';
import { AuditService, LOGIN_FAILED } from '../audit/audit.service';
import { VaultService } from '../vault/vault.service';
import { OrgRepository, type StaffRow } from '../org/org.repository';
import { WechatClient } from '../wechat/wechat.client';
import type { Actor } from './actor';
import { ActorResolver } from './actor.resolver';
import type { LoginResponseDto, StaffView } from './dto/login.dto';
import { DUMMY_HASH, verifyPassword } from './password';
import { TokenService } from './token.service';

// One address may try several usernames (a shared branch network), so it gets more room.
const IP_ALLOWANCE = 4;

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly org: OrgRepository,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly wechat: WechatClient,
    private readonly actors: ActorResolver,
    private readonly vault: VaultService,
  ) {}

  async login(username: string, password: string, ip: string): Promise<LoginResponseDto> {
    const since = Date.now() - this.config.loginWindowSeconds * 1000;
    // What was typed as a username may be anything, even an ID number: the audit keeps its keyed hash.
    const attempted = this.vault.hash('username', username);
    const [byName, byIp] = await Promise.all([
      this.audit.failedLoginsSince(since, { usernameHash: attempted }),
      this.audit.failedLoginsSince(since, { ip }),
    ]);
    if (byName >= this.config.loginMaxFailures || byIp >= this.config.loginMaxFailures * IP_ALLOWANCE) {
      const minutes = Math.ceil(this.config.loginWindowSeconds / 60);
      throw new DomainError('TOO_MANY', 'LOGIN_LOCKED', `登录失败次数过多，请 ${minutes} 分钟后再试，或联系管理员重置密码`);
    }
    const staff = await this.org.staffByUsername(username);
    const ok = await verifyPassword(password, staff?.password_hash ?? DUMMY_HASH);
    if (!staff || !ok || !staff.active) {
      await this.audit.record({ id: null, role: null, ip }, { action: LOGIN_FAILED, subjectType: 'username', subjectId: attempted });
      throw new DomainError('UNAUTHENTICATED', 'LOGIN_FAILED', staff && ok ? '账号已停用，请联系管理员' : '用户名或密码不正确');
    }
    return this.issue(staff, ip, 'password');
  }

  async loginWithWechat(code: string, ip: string): Promise<LoginResponseDto> {
    const { openid } = await this.wechat.code2Session(code);
    const staff = await this.org.staffByOpenid(openid);
    if (!staff || !staff.active) {
      throw new DomainError('NOT_FOUND', 'WECHAT_NOT_BOUND', '此微信尚未绑定工作账号，请先用账号密码登录，再在“我的”中绑定微信');
    }
    return this.issue(staff, ip, 'wechat');
  }

  async bindWechat(actor: Actor, code: string): Promise<void> {
    const { openid } = await this.wechat.code2Session(code);
    const holder = await this.org.staffByOpenid(openid);
    if (holder && holder.id !== actor.id) {
      throw new DomainError('CONFLICT', 'WECHAT_BOUND_ELSEWHERE', '此微信已绑定其他工作账号，请联系管理员解绑');
    }
    await this.org.bindOpenid(actor.id, openid);
    await this.audit.record(actor, { action: 'auth.wechat_bound', subjectType: 'staff', subjectId: actor.id });
    this.actors.forget(actor.id);
  }

  private async issue(staff: StaffRow, ip: string, method: 'password' | 'wechat'): Promise<LoginResponseDto> {
    const { token, expiresIn } = this.tokens.issue(staff.id);
    await this.audit.record({ id: staff.id, role: staff.role, ip }, { action: 'auth.login', subjectType: 'staff', subjectId: staff.id, detail: { method } });
    return { accessToken: token, expiresIn, staff: staffView(staff) };
  }
}

export function staffView(staff: Pick<StaffRow, 'id' | 'username' | 'display_name' | 'role' | 'branch_id' | 'institution_id' | 'police_unit_id'>): StaffView {
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.display_name,
    role: staff.role,
    branchId: staff.branch_id,
    institutionId: staff.institution_id,
    policeUnitId: staff.police_unit_id,
  };
}
