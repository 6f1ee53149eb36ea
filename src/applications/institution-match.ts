import { EntityManager } from 'typeorm';
import { Application } from './application.entity';

/** The stage at which the matched institution accepts or declines the trial. */
export const HOSPITAL_REVIEW_STAGE = 'hospital_review';

/** The matched institution takes the trial: its docking is accepted. */
export async function acceptCurrentMatch(
  manager: EntityManager,
  application: Application,
  decidedBy: string | null,
  now: Date,
): Promise<void> {
  await manager.query(
    `UPDATE institution_dockings SET status = 'ACCEPTED', decided_by = $2, decided_at = $3
     WHERE application_id = $1 AND status = 'OFFERED'`,
    [application.id, decidedBy, now],
  );
}

/**
 * The matched institution declines: it is left out of the next matching and its docking is
 * closed with the reason; the caller then moves the application back to matching.
 */
export async function declineCurrentMatch(
  manager: EntityManager,
  application: Application,
  decidedBy: string | null,
  reason: string,
  now: Date,
): Promise<void> {
  const current = application.matching.current;
  if (!current) return;
  application.matching = { declined: [...application.matching.declined, current.institutionId] };
  await manager.query(
    `WITH declined AS (
       UPDATE institution_dockings SET status = 'DECLINED', reason = $3, decided_by = $4, decided_at = $5
       WHERE application_id = $1 AND status = 'OFFERED'
     )
     UPDATE applications SET matching = $2 WHERE id = $1`,
    [application.id, application.matching, reason, decidedBy, now],
  );
}
