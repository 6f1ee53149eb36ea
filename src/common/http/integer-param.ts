import { PipeTransform } from '@nestjs/common';
import { DomainError } from '../problem/domain-error';

/**
 * A path parameter that is a decimal integer within bounds (inside PostgreSQL's `integer` at
 * most); anything else is a 400 naming the parameter.
 */
export class IntegerParam implements PipeTransform<string, number> {
  constructor(
    private readonly name: string,
    private readonly bounds: { min: number; max: number; example: number },
  ) {}

  transform(value: string): number {
    const number = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!(number >= this.bounds.min && number <= this.bounds.max))
      throw DomainError.invalidField(
        this.name,
        `must be a whole number from ${this.bounds.min} to ${this.bounds.max}, such as ${this.bounds.example}`,
      );
    return number;
  }
}
