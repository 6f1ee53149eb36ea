import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../problem/domain-error';

const RETENTION = '24 hours';
/** Claims that lose a race with deletions (expiry, a failed first request) try again this often. */
const CLAIM_ATTEMPTS = 3;

/** One client's key: `principal` is `${kind}:${id}`, so keys of different callers never meet. */
export interface IdempotencyScope {
  principal: string;
  key: string;
}

/** The first response to a request, as replayed to its repeats. */
export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Either the caller now owns the key and runs the request, or it replays the stored response. */
export type IdempotencyClaim = { kind: 'claimed' } | { kind: 'replay'; response: StoredResponse };

const inProgress = () =>
  new DomainError('request-in-progress', 'A request with this Idempotency-Key is still running', {
    retryAfterSeconds: 1,
  });

interface KeyRow {
  request_hash: string;
  status: 'IN_PROGRESS' | 'DONE';
  response_status: number | null;
  response_body: unknown;
  response_headers: Record<string, string> | null;
  expired: boolean;
}

/** Idempotency keys in PostgreSQL: one row per principal and key, kept 24 hours. */
@Injectable()
export class IdempotencyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims the key for a request with this fingerprint. A key held by another request is 422,
   * one whose first request still runs is 409 with Retry-After, and a finished one is replayed.
   */
  async claim(scope: IdempotencyScope, requestHash: string): Promise<IdempotencyClaim> {
    for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (principal, key, request_hash, status, expires_at)
         VALUES ($1, $2, $3, 'IN_PROGRESS', now() + $4::interval)
         ON CONFLICT (principal, key) DO NOTHING
         RETURNING key`,
        [scope.principal, scope.key, requestHash, RETENTION],
      );
      if (inserted.length > 0) return { kind: 'claimed' };

      const [existing]: KeyRow[] = await this.dataSource.query(
        `SELECT request_hash, status, response_status, response_body, response_headers,
                expires_at <= now() AS expired
           FROM idempotency_keys WHERE principal = $1 AND key = $2`,
        [scope.principal, scope.key],
      );
      if (!existing) continue;
      if (existing.expired) {
        await this.dataSource.query(
          `DELETE FROM idempotency_keys
            WHERE principal = $1 AND key = $2 AND expires_at <= now()`,
          [scope.principal, scope.key],
        );
        continue;
      }
      if (existing.request_hash !== requestHash) {
        throw new DomainError(
          'idempotency-key-reused',
          'This Idempotency-Key was already used for another request',
        );
      }
      if (existing.status === 'IN_PROGRESS') throw inProgress();
      return {
        kind: 'replay',
        response: {
          status: existing.response_status!,
          body: existing.response_body,
          headers: existing.response_headers ?? {},
        },
      };
    }
    // The key kept changing hands under us: as busy as a running request.
    throw inProgress();
  }

  /** Records the response of a claimed request, for its repeats to replay. */
  async complete(scope: IdempotencyScope, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys
          SET status = 'DONE', response_status = $3, response_body = $4, response_headers = $5
        WHERE principal = $1 AND key = $2 AND status = 'IN_PROGRESS'`,
      [
        scope.principal,
        scope.key,
        response.status,
        JSON.stringify(response.body ?? null),
        JSON.stringify(response.headers),
      ],
    );
  }

  /** Frees the key of a request that failed, so the client may try again. */
  async release(scope: IdempotencyScope): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND status = 'IN_PROGRESS'`,
      [scope.principal, scope.key],
    );
  }

  /** Deletes expired keys and answers how many. */
  async purgeExpired(): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE expires_at <= now()`,
    );
    return deleted;
  }
}
