import { ValidationError } from 'class-validator';
import { DomainError } from './domain-error';
import { FieldError } from './problem-types';

/** Flattens class-validator's tree into `{ field: 'enterprise.creditCode', message }` items. */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): DomainError {
  const fieldErrors = flattenValidationErrors(errors);
  const fields = [...new Set(fieldErrors.map((error) => error.field))];
  return new DomainError('validation-failed', `Invalid fields: ${fields.join(', ')}`, {
    errors: fieldErrors,
  });
}
