import type { ClassConstructor } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationFailed } from '../problem/validation-errors';

/**
 * Validates a body the global pipe could not type (a route that also takes multipart), with
 * the same rules: unknown properties refused, values transformed.
 */
export async function validateBody<T extends object>(
  type: ClassConstructor<T>,
  body: unknown,
): Promise<T> {
  const instance = plainToInstance(type, body ?? {});
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationFailed(errors);
  return instance;
}
