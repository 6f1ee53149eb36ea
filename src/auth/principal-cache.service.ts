import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserPrincipal } from '../common/auth/principal';
import { ClusterSignals } from '../common/signals/cluster-signals.service';
import { AppConfig } from '../config/app-config';
import { AfterCommit } from '../database/after-commit.service';

interface Entry {
  userId: string;
  sessionId: string;
  expiresAt: number;
  principal: Promise<UserPrincipal>;
}

const MAX_ENTRIES = 10_000;

/**
 * The user and session behind an access token, checked against PostgreSQL at most every
 * PRINCIPAL_CACHE_MS per process. What would make the check fail (logout, a revoked session,
 * deactivation, a changed role) drops the copies in every process once it commits; should that
 * message be lost, a copy still lives only a few seconds.
 */
@Injectable()
export class PrincipalCache implements OnModuleInit {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly config: AppConfig,
    private readonly afterCommit: AfterCommit,
    private readonly signals: ClusterSignals,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.config.PRINCIPAL_CACHE_MS > 0 && this.config.runsApi)
      await this.signals.subscribe('principals', (message) => this.drop(message));
  }

  get(
    userId: string,
    sessionId: string,
    load: () => Promise<UserPrincipal>,
  ): Promise<UserPrincipal> {
    if (this.config.PRINCIPAL_CACHE_MS <= 0) return load();
    const key = `${userId}:${sessionId}`;
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt > Date.now()) return entry.principal;
    const principal = load();
    this.entries.delete(key);
    this.entries.set(key, {
      userId,
      sessionId,
      expiresAt: Date.now() + this.config.PRINCIPAL_CACHE_MS,
      principal,
    });
    principal.catch(() => {
      if (this.entries.get(key)?.principal === principal) this.entries.delete(key);
    });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return principal;
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
    for (const [key, entry] of this.entries) {
      if (
        (kind === 'user' && entry.userId === id) ||
        (kind === 'session' && entry.sessionId === id)
      )
        this.entries.delete(key);
    }
  }
}
