import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type ErrorKind } from './domain-error';

const STATUS: Record<ErrorKind, number> = {
  INVALID: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  TOO_MANY: HttpStatus.TOO_MANY_REQUESTS,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};

// What the framework itself may answer (unknown route, body not JSON, body too large...).
const FRAMEWORK: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求格式不正确，请检查后重试' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '您没有权限进行此操作' },
  404: { code: 'NOT_FOUND', message: '请求的地址不存在' },
  405: { code: 'METHOD_NOT_ALLOWED', message: '不支持该请求方式' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: '请以 JSON 格式提交' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
}

/** The one place where failures become HTTP answers: `{ statusCode, code, message, details? }`. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const body: ErrorBody = { statusCode: STATUS[exception.kind], code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return body;
    }
    const status = exception instanceof HttpException ? exception.getStatus() : statusOfFastifyError(exception);
    if (status !== undefined && status < 500) {
      const known = FRAMEWORK[status] ?? { code: 'BAD_REQUEST', message: FRAMEWORK[400].message };
      return { statusCode: status, ...known };
    }
    // Never log request bodies or error details that might quote them: name and stack only.
    const error = exception as Error;
    this.logger.error(`${error?.name ?? 'Error'}: ${redact(error?.message ?? String(exception))}`, error?.stack ? redact(error.stack) : undefined);
    return { statusCode: 500, code: 'INTERNAL', message: '系统繁忙，请稍后重试；如持续出现请联系管理员' };
  }
}

function statusOfFastifyError(exception: unknown): number | undefined {
  const e = exception as { statusCode?: unknown };
  return typeof e?.statusCode === 'number' ? e.statusCode : undefined;
}

/** Long digit runs could be an ID, card or phone number quoted by a driver: never let them reach a log. */
export function redact(text: string): string {
  return text.replace(/\d{6,}[\dXx]*/g, '[redacted]');
}
