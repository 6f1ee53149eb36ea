import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { DomainError } from '../common/problem/domain-error';
import { AppConfig } from '../config/app-config';
import { User } from '../users/user.entity';
import { PrincipalCache } from './principal-cache.service';
import { RefreshToken } from './refresh-token.entity';

export interface AccessTokenClaims {
  sub: string;
  /** The refresh-token family (the session); logging out revokes it. */
  sid: string;
  typ: 'access';
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class TokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly principals: PrincipalCache,
  ) {}

  /** Starts a new session (a new refresh-token family). */
  issueSession(manager: EntityManager, user: Pick<User, 'id'>): Promise<TokenPair> {
    return this.issue(manager, user.id, randomUUID());
  }

  /**
   * Exchanges a refresh token for a new pair. A token that was already used means it leaked:
   * the whole family is revoked, so both the thief and the owner must sign in again.
   */
  async rotate(refreshToken: string): Promise<TokenPair & { user: User }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(RefreshToken, {
        where: { tokenHash: sha256(refreshToken) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!current || current.revokedAt || current.expiresAt <= new Date())
        return 'invalid' as const;
      if (current.usedAt) {
        await this.revokeFamily(manager, current.familyId);
        return 'reused' as const;
      }
      const user = await manager.findOneBy(User, { id: current.userId, active: true });
      if (!user) return 'invalid' as const;
      await manager.update(RefreshToken, { id: current.id }, { usedAt: new Date() });
      return { ...(await this.issue(manager, user.id, current.familyId)), user };
    });
    if (outcome === 'invalid' || outcome === 'reused') {
      throw new DomainError('invalid-token', 'The refresh token is invalid, expired or revoked');
    }
    return outcome;
  }

  /** Ends the session the refresh token belongs to; unknown tokens are ignored. */
  async revokeSessionOf(refreshToken: string): Promise<void> {
    const familyId = await this.familyOf(refreshToken);
    if (familyId) await this.revokeFamily(this.dataSource.manager, familyId);
  }

  /** The session a refresh token belongs to, used or not; undefined for an unknown token. */
  async familyOf(refreshToken: string): Promise<string | undefined> {
    const token = await this.dataSource
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: sha256(refreshToken) });
    return token?.familyId;
  }

  async revokeAllOf(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    this.principals.userChanged(manager, userId);
  }

  verifyAccessToken(token: string): AccessTokenClaims {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (
        claims.typ !== 'access' ||
        typeof claims.sub !== 'string' ||
        typeof claims.sid !== 'string'
      ) {
        throw new Error('not an access token');
      }
      return claims;
    } catch {
      throw new DomainError('invalid-token', 'The access token is invalid or expired');
    }
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(
      RefreshToken,
      { familyId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    this.principals.sessionRevoked(manager, familyId);
  }

  private async issue(
    manager: EntityManager,
    userId: string,
    familyId: string,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, {
      familyId,
      userId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000),
    });
    const claims: AccessTokenClaims = { sub: userId, sid: familyId, typ: 'access' };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
      algorithm: 'HS256',
    });
    return { accessToken, refreshToken, expiresIn: this.config.JWT_ACCESS_TTL_SECONDS };
  }
}
