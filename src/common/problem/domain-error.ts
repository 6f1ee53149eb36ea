import { FieldError, ProblemType } from './problem-types';

/**
 * The one error class services throw. The filter turns it into problem+json; `extensions`
 * add members such as `allowedActions` that a client can act on.
 */
export class DomainError extends Error {
  constructor(
    readonly type: ProblemType,
    message: string,
    readonly extensions: {
      errors?: FieldError[];
      retryAfterSeconds?: number;
      /** Response headers that belong to the problem, such as `Accept-Post` beside a 415. */
      headers?: Record<string, string>;
      [key: string]: unknown;
    } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static notFound(what: string): DomainError {
    return new DomainError('not-found', `${what} was not found`);
  }

  static invalidField(field: string, message: string): DomainError {
    return new DomainError('validation-failed', `${field}: ${message}`, {
      errors: [{ field, message }],
    });
  }
}
