import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@duanka/shared';
import type { FastifyRequest } from 'fastify';
import { DomainError, forbidden } from '../../common/domain-error';
import type { Actor } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { ActorResolver } from './actor.resolver';
import { TokenService } from './token.service';

/** Global guard: every route needs a valid bearer token unless marked @Public, and the right role. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly actors: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor }>();
    const token = bearer(request.headers.authorization) ?? queryToken(request);
    const claims = token ? this.tokens.verify(token) : undefined;
    if (!claims) throw new DomainError('UNAUTHENTICATED', 'UNAUTHENTICATED', '登录已失效，请重新登录');
    const actor = await this.actors.resolve(claims.sub, request.ip);
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'ACCOUNT_DISABLED', '账号已停用或不存在，请联系管理员');
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(actor.role)) throw forbidden();
    return true;
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** EventSource cannot set headers, so the live stream may carry the token in `?access_token=`. */
function queryToken(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  const value = query?.access_token;
  return typeof value === 'string' && request.url.startsWith('/api/alerts/stream') ? value : undefined;
}
