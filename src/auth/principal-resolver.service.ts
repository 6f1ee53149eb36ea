import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeyPrincipal, UserPrincipal } from '../common/auth/principal';
import { ApiKeyScope, Role } from '../common/auth/roles';
import { DomainError } from '../common/problem/domain-error';
import { PrincipalCache } from './principal-cache.service';
import { TokensService } from './tokens.service';

interface UserRow {
  id: string;
  role: Role;
  enterprise_id: string | null;
  department_code: string | null;
  provider_id: string | null;
  institution_id: string | null;
}

interface ApiKeyRow {
  id: string;
  scopes: ApiKeyScope[];
  enterprise_ids: string[];
  stale: boolean;
}

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/** Turns credentials into a principal, checking on every request that they still hold. */
@Injectable()
export class PrincipalResolver {
  private readonly logger = new Logger(PrincipalResolver.name);

  /** Keys whose last use is over a minute old: recorded once their request succeeds. */
  private readonly unrecordedUse = new WeakSet<ApiKeyPrincipal>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: TokensService,
    private readonly principals: PrincipalCache,
  ) {}

  async fromAccessToken(token: string): Promise<UserPrincipal> {
    const claims = this.tokens.verifyAccessToken(token);
    return this.principals.get(claims.sub, claims.sid, () =>
      this.activeSession(claims.sub, claims.sid),
    );
  }

  /** An active user whose session (refresh family) was not revoked by logout or deactivation. */
  private async activeSession(userId: string, sessionId: string): Promise<UserPrincipal> {
    const [user]: UserRow[] = await this.dataSource.query(
      `SELECT u.id, u.role, u.enterprise_id, u.department_code, u.provider_id, u.institution_id FROM users u
       WHERE u.id = $1 AND u.active
         AND NOT EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NOT NULL)`,
      [userId, sessionId],
    );
    if (!user) throw new DomainError('invalid-token', 'The access token is no longer valid');
    return {
      kind: 'user',
      id: user.id,
      role: user.role,
      enterpriseId: user.enterprise_id,
      departmentCode: user.department_code,
      providerId: user.provider_id,
      institutionId: user.institution_id,
    };
  }

  async fromApiKey(key: string): Promise<ApiKeyPrincipal> {
    const [row]: ApiKeyRow[] = await this.dataSource.query(
      `SELECT id, scopes, enterprise_ids,
              (last_used_at IS NULL OR last_used_at < now() - interval '1 minute') AS stale
       FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL`,
      [hashApiKey(key)],
    );
    if (!row) throw new DomainError('invalid-token', 'The API key is invalid or revoked');
    const principal: ApiKeyPrincipal = {
      kind: 'api_key',
      id: row.id,
      scopes: row.scopes,
      enterpriseIds: row.enterprise_ids,
    };
    if (row.stale) this.unrecordedUse.add(principal);
    return principal;
  }

  /**
   * Records when a key was last used successfully: at most one write a minute per key, and
   * none for a refused request. Last-used is informational, so a failure only warns.
   */
  async recordUse(principal: ApiKeyPrincipal): Promise<void> {
    if (!this.unrecordedUse.delete(principal)) return;
    await this.dataSource
      .query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [principal.id])
      .catch((error) => this.logger.warn(`api key last_used_at: ${(error as Error).message}`));
  }
}
