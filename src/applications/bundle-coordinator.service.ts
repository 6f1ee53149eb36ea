import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { SYSTEM_ACTOR } from '../common/auth/principal';
import { EventsService } from '../events/events.service';
import type { PlatformEvent } from '../events/platform-event.entity';
import { ApplicationWorkflow } from './application-workflow.service';
import { FINISHED_STATUSES } from '../workflow/workflow-engine';
import { Application } from './application.entity';
import { ApplicationsService } from './applications.service';

const SUCCESS = ['COMPLETED'];
const FAILURE = ['DENIED', 'REJECTED'];

/**
 * Keeps bundles moving from their children's events: a child that completes starts the
 * children waiting for it (carrying its certificate); a failed prerequisite withdraws them;
 * the bundle completes when all children have, or ends DENIED naming the failed children.
 */
@Injectable()
export class BundleCoordinator {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ApplicationWorkflow,
    private readonly applications: ApplicationsService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async onEvent(event: PlatformEvent): Promise<void> {
    if (
      ![
        'application.completed',
        'application.denied',
        'application.rejected',
        'application.withdrawn',
      ].includes(event.type)
    )
      return;
    await this.dataSource.transaction(async (manager) => {
      const [child] = await manager.query(
        `SELECT parent_id FROM applications WHERE id = $1 AND kind = 'CHILD'`,
        [event.subjectId],
      );
      if (!child) return;
      // Children of one bundle are coordinated one event at a time.
      const parent = await this.workflow.lock(manager, child.parent_id);
      if (!parent || FINISHED_STATUSES.includes(parent.status)) return;
      const children = await manager.find(Application, {
        where: { parentId: parent.id },
        order: { createdAt: 'ASC' },
      });
      const now = this.clock.now();
      for (const waiting of children.filter(
        (candidate) => candidate.status === 'DRAFT' && candidate.waitingFor,
      )) {
        const prerequisite = children.find(
          (candidate) => candidate.serviceCode === waiting.waitingFor,
        );
        if (!prerequisite) continue;
        if (SUCCESS.includes(prerequisite.status)) {
          await this.applications.startWaitingChild(
            manager,
            waiting,
            await this.issuedCertificate(manager, prerequisite, waiting),
          );
          waiting.status = 'IN_PROGRESS';
        } else if (FAILURE.includes(prerequisite.status) || prerequisite.status === 'WITHDRAWN') {
          await this.applications.finishWaitingChild(manager, waiting, 'PREREQUISITE_DENIED', now);
          waiting.status = 'WITHDRAWN';
        }
      }
      if (!children.every((candidate) => FINISHED_STATUSES.includes(candidate.status))) return;
      const failed = children.filter((candidate) => FAILURE.includes(candidate.status));
      const status =
        failed.length > 0
          ? 'DENIED'
          : children.some((candidate) => candidate.status === 'COMPLETED')
            ? 'COMPLETED'
            : 'WITHDRAWN';
      await manager.query(
        `UPDATE applications SET status = $2, finished_at = $3, decided_at = COALESCE(decided_at, $3), version = version + 1,
           outcome_reason = $4 WHERE id = $1`,
        [
          parent.id,
          status,
          now,
          failed.length > 0
            ? `CHILD_FAILED: ${failed.map((candidate) => candidate.serviceCode).join(', ')}`
            : null,
        ],
      );
      await this.events.record(manager, {
        type:
          status === 'COMPLETED'
            ? 'application.completed'
            : status === 'DENIED'
              ? 'application.denied'
              : 'application.withdrawn',
        subjectType: 'application',
        subjectId: parent.id,
        enterpriseId: parent.enterpriseId,
        actor: SYSTEM_ACTOR,
        data: {
          bundleCode: parent.bundleCode,
          failedChildIds: failed.map((candidate) => candidate.id),
        },
      });
    });
  }

  /** The library item of the certificate the prerequisite issued, if the waiting child needs it. */
  private async issuedCertificate(
    manager: EntityManager,
    prerequisite: Application,
    waiting: Application,
  ): Promise<{ materialType: string; libraryMaterialId: string } | null> {
    const [item] = await manager.query(
      `SELECT l.id, l.material_type FROM library_materials l JOIN certificates c ON c.id = l.certificate_id
       WHERE c.application_id = $1`,
      [prerequisite.id],
    );
    if (!item) return null;
    const definition = await this.workflow.definitionOf(waiting);
    return definition.materials.some((material) => material.code === item.material_type)
      ? { materialType: item.material_type, libraryMaterialId: item.id }
      : null;
  }
}
