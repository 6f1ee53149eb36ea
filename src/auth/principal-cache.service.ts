import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserPrincipal } from '../common/auth/principal';
import { TtlCache } from '../common/cache/ttl-cache';
import { ClusterSignals } from '../common/signals/cluster-signals.service';
import { AppConfig } from '../config/app-config';
import { AfterCommit } from '../database/after-commit.service';

const MAX_ENTRIES = 10_000;

/**
 * The user and session behind an access token, checked against PostgreSQL at most every
 * PRINCIPAL_CACHE_MS per process. What would make the check fail (logout, a revoked session,
 * deactivation, a changed role) drops the copies in every process once it commits; should that
 * message be lost, a copy still lives only a few seconds.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  /** Keyed `userId:sessionId`. */
  private readonly principals: TtlCache<UserPrincipal>;

  constructor(
    private readonly config: AppConfig,
    private readonly afterCommit: AfterCommit,
    private readonly signals: ClusterSignals,
  ) {
    this.principals = new TtlCache(config.PRINCIPAL_CACHE_MS, MAX_ENTRIES);
  }

  async onModuleInit(): Promise<void> {
    if (this.config.PRINCIPAL_CACHE_MS > 0 && this.config.runsApi)
      await this.signals.subscribe('principals', (message) => this.drop(message));
  }

  get(
    userId: string,
    sessionId: string,
    load: () => Promise<UserPrincipal>,
  ): Promise<UserPrincipal> {
    return this.principals.get(`${userId}:${sessionId}`, load);
  }

  /** The user changed (role, department, active): their sessions are checked again. */
  userChanged(manager: EntityManager, userId: string): void {
    this.changed(manager, `user:${userId}`);
  }

  /** The session was revoked (logout, a reused refresh token). */
  sessionRevoked(manager: EntityManager, sessionId: string): void {
    this.changed(manager, `session:${sessionId}`);
  }

  /**
   * Dropped now and again after the commit: a request checked in between would have read the
   * state from before it.
   */
  private changed(manager: EntityManager, message: string): void {
    this.drop(message);
    this.afterCommit.run(manager, () => {
      this.drop(message);
      void this.signals.publish('principals', message);
    });
  }

  private drop(message: string): void {
    const [kind, id] = message.split(':');
    this.principals.forget((key) =>
      kind === 'user' ? key.startsWith(`${id}:`) : key.endsWith(`:${id}`),
    );
  }
}
