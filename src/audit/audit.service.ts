import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/auth/principal';

export type AuditAction =
  | 'user.created'
  | 'user.updated'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'enterprise.verified'
  | 'calendar.published'
  | 'service.created'
  | 'service.version_created'
  | 'service.version_updated'
  | 'service.version_published'
  | 'service.retired'
  | 'resource.created'
  | 'resource.updated'
  | 'provider.created'
  | 'provider.updated'
  | 'provider.status_changed'
  | 'institution.created'
  | 'doctor.created'
  | 'doctor.updated'
  | 'institution.updated';

/** Records what staff did, in the same transaction as the change itself. */
@Injectable()
export class AuditService {
  async record(
    manager: EntityManager,
    actor: Actor,
    action: AuditAction,
    target: { type: string; id: string },
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_type, action, target_type, target_id, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [actor.id, actor.type, action, target.type, target.id, details],
    );
  }
}
