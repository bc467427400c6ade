/**
 * The kinds of failure a caller can act on. Domain code throws DomainError with one of these;
 * the exception filter alone decides the HTTP status, so no domain code knows about HTTP.
 */
export type ErrorKind = 'INVALID' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY' | 'UNAVAILABLE';

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Stable machine-readable code, e.g. ID_CHECKSUM. Clients switch on it. */
    readonly code: string,
    /** Simplified Chinese, readable by a teller, saying what to do. */
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (code: string, message: string, details?: unknown) => new DomainError('INVALID', code, message, details);
export const forbidden = (message = '您没有权限进行此操作', code = 'FORBIDDEN') => new DomainError('FORBIDDEN', code, message);
export const notFound = (code: string, message: string) => new DomainError('NOT_FOUND', code, message);
export const conflict = (code: string, message: string) => new DomainError('CONFLICT', code, message);
