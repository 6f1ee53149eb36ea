import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { creditCodeProblem } from '../credit-code';

const MESSAGES = {
  length: 'must be 18 characters',
  character: 'may contain only digits and the capital letters of GB 32100-2015 (no I, O, Z, S, V)',
  'check-character': 'has a wrong check character (GB 32100-2015)',
} as const;

export function IsCreditCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCreditCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && creditCodeProblem(value) === null,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          typeof value === 'string'
            ? `${property} ${MESSAGES[creditCodeProblem(value) ?? 'check-character']}`
            : `${property} must be a string`,
      },
    });
}
