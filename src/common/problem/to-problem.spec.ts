import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError } from './domain-error';
import { toProblem } from './to-problem';

describe('toProblem', () => {
  it('keeps a domain error type, detail and extensions, and moves retry-after to a header', () => {
    const problem = toProblem(
      new DomainError('request-in-progress', 'Still running', { retryAfterSeconds: 2 }),
    );
    expect(problem.body).toMatchObject({
      type: 'urn:parkline:problem:request-in-progress',
      status: 409,
      detail: 'Still running',
    });
    expect(problem.body).not.toHaveProperty('retryAfterSeconds');
    expect(problem.headers).toEqual({ 'retry-after': '2' });
  });

  it('lists field errors for validation failures', () => {
    const problem = toProblem(DomainError.invalidField('creditCode', 'bad check character'));
    expect(problem.body.errors).toEqual([{ field: 'creditCode', message: 'bad check character' }]);
    expect(problem.body.status).toBe(400);
  });

  it('maps Nest HTTP exceptions by status', () => {
    expect(toProblem(new NotFoundException('Cannot GET /nowhere')).body).toMatchObject({
      status: 404,
      detail: 'Cannot GET /nowhere',
    });
    expect(toProblem(new BadRequestException(['a is wrong', 'b is wrong'])).body.detail).toBe(
      'a is wrong; b is wrong',
    );
  });

  it('keeps client statuses of framework errors', () => {
    const bodyTooLarge = Object.assign(new Error('Request body is too large'), {
      statusCode: 413,
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
    });
    expect(toProblem(bodyTooLarge).body.status).toBe(413);
  });

  it('hides internals of unexpected errors', () => {
    const problem = toProblem(new Error('relation "secret_table" does not exist'));
    expect(problem.unexpected).toBe(true);
    expect(problem.body).toMatchObject({ status: 500, detail: 'An unexpected error occurred' });
  });
});
