import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CertificatesService } from '../certificates/certificates.service';
import { Clock } from '../common/clock/clock';
import { SYSTEM_ACTOR } from '../common/auth/principal';
import { JobPayloads } from '../queues/queues';
import { stageOf } from '../workflow/workflow-engine';
import { ApplicationReader } from './application-reader.service';
import { ApplicationWorkflow } from './application-workflow.service';
import { Application } from './application.entity';
import {
  completenessCheck,
  institutionMatching,
  riskScreening,
  routing,
  StageResult,
  TrialInstitution,
} from './stage-handlers';

/**
 * Runs automated stages. Idempotent: it acts only when the application is still at the stage
 * and version the job was made for, under the row lock, so a repeated or stale job (a worker
 * killed mid-job, Bull's at-least-once delivery) changes nothing.
 */
@Injectable()
export class StageRunner {
  private readonly logger = new Logger(StageRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ApplicationWorkflow,
    private readonly reader: ApplicationReader,
    private readonly certificates: CertificatesService,
    private readonly clock: Clock,
  ) {}

  async runStage(job: JobPayloads['stage.run']): Promise<{ moved: boolean; outcome?: string }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.workflow.lock(manager, job.applicationId);
      if (!application || application.version !== job.version || application.stage !== job.stage) {
        this.logger.debug(
          `stage.run for ${job.applicationId}@${job.version}/${job.stage} is stale; nothing to do`,
        );
        return { moved: false };
      }
      const definition = await this.workflow.definitionOf(application);
      const stage = stageOf(definition.workflow, job.stage);
      if (stage.kind !== 'AUTOMATED') return { moved: false };
      const result = await this.runHandler(manager, application, stage.handler);
      await this.workflow.transition(
        manager,
        application,
        { kind: 'automated', stage: job.stage, outcome: result.outcome, facts: result.facts },
        {
          actor: SYSTEM_ACTOR,
          now: this.clock.now(),
          eventData: result.eventData,
          supplementRequest: result.supplementItems ? { items: result.supplementItems } : undefined,
          outcomeReason: result.outcome === 'unmatched' ? 'NO_MATCHING_INSTITUTION' : undefined,
        },
      );
      if (result.facts?.institutionId) await this.recordMatch(manager, application, result);
      return { moved: true, outcome: result.outcome };
    });
  }

  private async runHandler(
    manager: EntityManager,
    application: Application,
    handler: string,
  ): Promise<StageResult> {
    const definition = await this.workflow.definitionOf(application);
    switch (handler) {
      case 'completeness_check': {
        const attached = await this.reader.currentMaterials(manager, [application.id]);
        return completenessCheck(
          definition,
          application,
          attached.map((row) => ({
            materialType: row.material_type,
            format: row.format,
            sizeBytes: Number(row.size_bytes),
          })),
        );
      }
      case 'risk_screening':
        return riskScreening(application);
      case 'institution_matching': {
        const institutions: TrialInstitution[] = await manager.query(
          `SELECT i.id, i.code, i.name, i.specialties, i.gcp_specialties AS "gcpSpecialties", i.indications,
                  i.capacity, count(a.id)::int AS load
           FROM trial_institutions i
           LEFT JOIN institution_dockings d ON d.institution_id = i.id AND d.status IN ('OFFERED', 'ACCEPTED')
           LEFT JOIN applications a ON a.id = d.application_id AND a.status IN ('IN_PROGRESS', 'SUPPLEMENT_REQUIRED')
           WHERE i.active GROUP BY i.id ORDER BY i.code`,
        );
        return institutionMatching(application, institutions);
      }
      case 'routing':
        return routing(definition);
      case 'certificate_issuance': {
        const certificateId = await this.certificates.issue(manager, application, definition);
        return { outcome: 'issued', eventData: { certificateId } };
      }
      default:
        throw new Error(`No handler for automated stage handler "${handler}"`);
    }
  }

  private async recordMatch(
    manager: EntityManager,
    application: Application,
    result: StageResult,
  ): Promise<void> {
    const institution = result.eventData?.institution as {
      id: string;
      code: string;
      name: string;
      score: number;
    };
    // The match is offered to the institution, whose users accept or decline it.
    await manager.query(
      `WITH offered AS (
         INSERT INTO institution_dockings (application_id, institution_id, enterprise_id, status, score, created_at)
         VALUES ($1, $3, $4, 'OFFERED', $5, $6)
       )
       UPDATE applications SET matching = $2 WHERE id = $1`,
      [
        application.id,
        {
          ...application.matching,
          current: {
            institutionId: institution.id,
            code: institution.code,
            name: institution.name,
            score: institution.score,
          },
        },
        institution.id,
        application.enterpriseId,
        institution.score,
        this.clock.now(),
      ],
    );
  }
}
