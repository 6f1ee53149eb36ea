import { QueryFailedError } from 'typeorm';

interface PostgresDriverError {
  code?: string;
  constraint?: string;
}

const driverError = (error: unknown): PostgresDriverError | undefined =>
  error instanceof QueryFailedError ? (error.driverError as PostgresDriverError) : undefined;

/** True when the error is a unique violation, of the named constraint or index if given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const details = driverError(error);
  return details?.code === '23505' && (!constraint || details.constraint === constraint);
}

export const isForeignKeyViolation = (error: unknown) => driverError(error)?.code === '23503';

/** True when the error is a check violation of the named constraint. */
export function isCheckViolation(error: unknown, constraint: string): boolean {
  const details = driverError(error);
  return details?.code === '23514' && details.constraint === constraint;
}

/** True when an exclusion constraint refused the row, of the named constraint if given. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const details = driverError(error);
  return details?.code === '23P01' && (!constraint || details.constraint === constraint);
}
