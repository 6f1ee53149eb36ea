import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsObject,
  IsOptional,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

interface NestedOptions {
  /** May be left out. */
  optional?: boolean;
  /** May be null (and is then not validated further). */
  nullable?: boolean;
}

/**
 * A nested DTO property. ValidateNested alone lets `undefined`, `null`, numbers and strings
 * through to code that then reads their properties; this says what the code needs.
 */
export function NestedObject(type: () => new () => object, options: NestedOptions = {}) {
  return applyDecorators(...presence(options), IsObject(), ValidateNested(), Type(type));
}

/** An array of nested DTOs: every element an object of the type. */
export function NestedArray(type: () => new () => object, options: NestedOptions = {}) {
  return applyDecorators(
    ...presence(options),
    IsArray(),
    IsObject({ each: true }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

function presence({ optional, nullable }: NestedOptions): PropertyDecorator[] {
  if (optional && nullable) return [IsOptional()];
  if (optional) return [ValidateIf((_, value) => value !== undefined)];
  if (nullable) return [IsDefined(), ValidateIf((_, value) => value !== null)];
  return [IsDefined()];
}
