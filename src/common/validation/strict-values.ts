import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsInt, registerDecorator, ValidationOptions } from 'class-validator';

const DECIMAL_INTEGER = /^-?\d{1,15}$/;

/**
 * An integer from a query string: decimal digits only. Number() would also take "0x10",
 * "1e3", " 7" and "" (as 0); those stay strings here, so IsInt refuses them.
 */
export function QueryInteger() {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value,
    ),
    IsInt(),
  );
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a date that exists, as YYYY-MM-DD (2026-02-31 does not). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** A calendar date `YYYY-MM-DD` that exists. */
export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a date that exists, like 2026-01-31`,
        ...options,
      },
      validator: { validate: isCalendarDate },
    });
}

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

/** A moment with its offset, such as 2026-11-01T00:00:00+08:00, on a date that exists. */
export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be a date and time with an offset, like 2026-11-01T00:00:00+08:00`,
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && isCalendarDate(INSTANT.exec(value)?.[1]),
      },
    });
}
