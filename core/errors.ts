/** An error the user (or the world) caused, with a Chinese message a clerk can act on. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export const forbidden = (message: string) => new UserError('FORBIDDEN', message);
export const notFound = (what: string) => new UserError('NOT_FOUND', `${what}不存在或已被删除，请刷新后重试。`);
export const invalid = (message: string, details?: unknown) => new UserError('INVALID_INPUT', message, details);
export const conflict = (message: string) => new UserError('CONFLICT', message);
