import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BundlesService } from '../catalogue/bundles.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { isOpenForIntake } from '../catalogue/intake-windows';
import type { ServiceDefinition } from '../catalogue/service-definition';
import { Clock } from '../common/clock/clock';
import { Actor, Principal } from '../common/auth/principal';
import { assertVersion, ExpectedVersion } from '../common/http/versioning';
import { DomainError } from '../common/problem/domain-error';
import { EventsService } from '../events/events.service';
import { BookingsService } from '../resources/bookings.service';
import { SlaService } from '../sla/sla.service';
import { ApplicationDrafts } from './application-drafts.service';
import { ApplicationMaterials } from './application-materials.service';
import { ApplicationReader, MaterialRow } from './application-reader.service';
import { ApplicationWorkflow } from './application-workflow.service';
import { Application } from './application.entity';
import { assessCompleteness } from './completeness';
import { ApplicationDto, ChecklistDto } from './dto/application.dto';
import { DraftUpdateInput, SupplementAnswerInput } from './dto/application-input.dto';

/**
 * An application's way from draft to decision, as the enterprise takes it: form edits, the
 * checklist, submission (of a bundle too), withdrawal, supplement answers and confirmations.
 * Every state change goes through the workflow in one transaction.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly bundles: BundlesService,
    private readonly workflow: ApplicationWorkflow,
    private readonly drafts: ApplicationDrafts,
    private readonly attachments: ApplicationMaterials,
    private readonly events: EventsService,
    private readonly reader: ApplicationReader,
    private readonly sla: SlaService,
    private readonly clock: Clock,
    private readonly bookings: BookingsService,
  ) {}

  async updateDraft(
    principal: Principal,
    id: string,
    input: DraftUpdateInput,
    ifMatch?: number,
  ): Promise<ApplicationDto> {
    return this.changeOwnApplication(
      principal,
      id,
      { ifMatch, body: input.expectedVersion },
      'prepare',
      async (manager, application) => {
        if (application.status !== 'DRAFT' || application.parentId) {
          throw new DomainError(
            'conflict',
            `Only a draft can be edited; this one is ${application.status}`,
          );
        }
        await manager.query(
          `UPDATE applications SET form = $2, version = version + 1, updated_at = $3 WHERE id = $1`,
          [id, input.form, this.clock.now()],
        );
      },
    );
  }

  /** What is still missing under the situation rules, before submitting. */
  async checklist(principal: Principal, id: string): Promise<ChecklistDto> {
    const application = await this.reader.findVisible(this.dataSource.manager, principal, id);
    if (application.kind === 'BUNDLE') {
      const merged = await this.bundles.getBundle(application.bundleCode!);
      const attached = await this.reader.currentMaterials(this.dataSource.manager, [
        application.id,
      ]);
      const reports = await Promise.all(
        merged.services.map(async (member) => {
          const definition = await this.catalogue.publishedDefinition(
            member.serviceCode,
            member.version,
          );
          return assessCompleteness(
            definition,
            memberForm(definition, application.form),
            attached.map(attachedOf),
          );
        }),
      );
      const items = [
        ...new Map(
          reports
            .flatMap((report) => report.items)
            .map((item) => [`${item.kind}:${item.key}:${item.reason}`, item]),
        ).values(),
      ];
      return {
        complete: items.length === 0,
        items,
        requiredMaterialTypes: [
          ...new Set(reports.flatMap((report) => report.requiredMaterialTypes)),
        ],
      };
    }
    const definition = await this.workflow.definitionOf(application);
    const attached = await this.reader.currentMaterials(this.dataSource.manager, [application.id]);
    return assessCompleteness(definition, application.form, attached.map(attachedOf));
  }

  /** Submits a draft of a verified enterprise; the completeness check runs next, in a worker. */
  async submit(
    principal: Principal,
    id: string,
    expected: ExpectedVersion,
  ): Promise<ApplicationDto> {
    return this.changeOwnApplication(
      principal,
      id,
      expected,
      'submit',
      async (manager, application, actor) => {
        if (application.status !== 'DRAFT' || application.parentId) {
          throw new DomainError(
            'conflict',
            `Only a draft can be submitted; this one is ${application.status}`,
          );
        }
        const [enterprise] = await manager.query(
          `SELECT verified_at FROM enterprises WHERE id = $1`,
          [application.enterpriseId],
        );
        if (!enterprise?.verified_at) {
          throw new DomainError(
            'unprocessable',
            'The enterprise is not verified yet; a park officer must verify it before it may submit',
          );
        }
        if (application.kind === 'BUNDLE') return this.submitBundle(manager, application, actor);
        await this.bookings.assertBookingReference(manager, application);
        await this.submitOne(manager, application, actor);
        return application;
      },
    );
  }

  /** Submits one service application: both clocks start and the workflow's first stage opens. */
  async submitOne(manager: EntityManager, application: Application, actor: Actor): Promise<void> {
    const now = this.clock.now();
    const definition = await this.workflow.definitionOf(application);
    if (!isOpenForIntake(definition.intakeWindows, now)) {
      const windows = definition.intakeWindows!.map(
        (window) => `${window.name} ${window.opensOn}–${window.closesOn}`,
      );
      throw new DomainError(
        'unprocessable',
        `${application.serviceCode} takes applications in batches and none is open now: ${windows.join('; ')}`,
        { intakeWindows: definition.intakeWindows },
      );
    }
    await this.sla.start(
      manager,
      application,
      { statutory: definition.statutoryWorkingDays, promised: definition.promisedWorkingDays },
      now,
    );
    await this.workflow.transition(manager, application, { kind: 'submit' }, { actor, now });
  }

  async withdraw(
    principal: Principal,
    id: string,
    expected: ExpectedVersion,
  ): Promise<ApplicationDto> {
    return this.changeOwnApplication(
      principal,
      id,
      expected,
      'submit',
      async (manager, application, actor) => {
        const now = this.clock.now();
        if (application.kind !== 'BUNDLE') {
          await this.workflow.transition(
            manager,
            application,
            { kind: 'withdraw' },
            { actor, now, outcomeReason: 'WITHDRAWN_BY_ENTERPRISE' },
          );
          return;
        }
        if (application.status !== 'IN_PROGRESS' && application.status !== 'DRAFT') {
          throw new DomainError(
            'conflict',
            `A bundle that is ${application.status} can no longer be withdrawn`,
          );
        }
        const children: { id: string }[] = await manager.query(
          `SELECT id FROM applications WHERE parent_id = $1 AND status IN ('DRAFT', 'IN_PROGRESS', 'SUPPLEMENT_REQUIRED') ORDER BY id`,
          [application.id],
        );
        for (const { id: childId } of children) {
          const child = (await this.workflow.lock(manager, childId))!;
          if (child.status === 'DRAFT')
            await this.finishWaitingChild(manager, child, 'WITHDRAWN_BY_ENTERPRISE', now);
          else
            await this.workflow.transition(
              manager,
              child,
              { kind: 'withdraw' },
              { actor, now, outcomeReason: 'WITHDRAWN_BY_ENTERPRISE' },
            );
        }
        await manager.query(
          `UPDATE applications SET status = 'WITHDRAWN', finished_at = $2, outcome_reason = 'WITHDRAWN_BY_ENTERPRISE', version = version + 1 WHERE id = $1`,
          [application.id, now],
        );
        await this.events.record(manager, {
          type: 'application.withdrawn',
          subjectType: 'application',
          subjectId: application.id,
          enterpriseId: application.enterpriseId,
          actor,
          data: { bundleCode: application.bundleCode },
        });
      },
    );
  }

  /**
   * The enterprise's one answer to a supplement request: changed form fields are merged, and
   * the changes (fields and materials attached since the request) are kept as a diff.
   */
  async answerSupplement(
    principal: Principal,
    id: string,
    input: SupplementAnswerInput,
  ): Promise<ApplicationDto> {
    return this.changeOwnApplication(
      principal,
      id,
      { body: input.expectedVersion },
      'prepare',
      async (manager, application, actor) => {
        if (application.status !== 'SUPPLEMENT_REQUIRED') {
          throw new DomainError(
            'conflict',
            `No supplement is awaited; the application is ${application.status}`,
          );
        }
        const now = this.clock.now();
        const formChanges = Object.fromEntries(
          Object.entries(input.form ?? {})
            .filter(
              ([key, value]) => JSON.stringify(application.form[key]) !== JSON.stringify(value),
            )
            .map(([key, value]) => [key, { before: application.form[key] ?? null, after: value }]),
        );
        const materialChanges: { material_type: string; before: string | null; after: string }[] =
          await manager.query(
            `SELECT m.material_type, m.sha256 AS after,
                (SELECT o.sha256 FROM application_materials o WHERE o.application_id = m.application_id
                   AND o.material_type = m.material_type AND o.superseded_at IS NOT NULL ORDER BY o.superseded_at DESC LIMIT 1) AS before
         FROM application_materials m
         WHERE m.application_id = $1 AND m.superseded_at IS NULL AND m.created_at >= $2`,
            [application.id, application.supplementRequest?.requestedAt ?? now],
          );
        if (input.form) {
          application.form = { ...application.form, ...input.form };
          await manager.query(`UPDATE applications SET form = $2 WHERE id = $1`, [
            application.id,
            application.form,
          ]);
        }
        await this.workflow.transition(
          manager,
          application,
          { kind: 'supplemented' },
          {
            actor,
            now,
            eventData: {
              comment: input.comment ?? null,
              request: application.supplementRequest,
              diff: {
                form: formChanges,
                materials: materialChanges.map((change) => ({
                  materialType: change.material_type,
                  before: change.before,
                  after: change.after,
                })),
              },
            },
          },
        );
      },
    );
  }

  /** The enterprise confirms the result of a value-added service. */
  async confirm(
    principal: Principal,
    id: string,
    expected: ExpectedVersion,
  ): Promise<ApplicationDto> {
    return this.changeOwnApplication(
      principal,
      id,
      expected,
      'submit',
      async (manager, application, actor) => {
        await this.workflow.transition(
          manager,
          application,
          { kind: 'enterprise', stage: application.stage ?? '', event: 'confirm' },
          {
            actor,
            now: this.clock.now(),
          },
        );
      },
    );
  }

  /** Starts a bundle child whose prerequisite was approved, carrying the certificate it issued. */
  async startWaitingChild(
    manager: EntityManager,
    child: Application,
    certificateMaterial: { materialType: string; libraryMaterialId: string } | null,
  ): Promise<void> {
    if (certificateMaterial)
      await this.attachments.attachLibraryDocument(manager, child, certificateMaterial, {
        type: 'system',
        id: null,
      });
    await manager.query(`UPDATE applications SET waiting_for = NULL WHERE id = $1`, [child.id]);
    child.waitingFor = null;
    await this.submitOne(manager, child, { type: 'system', id: null });
  }

  /** Ends a child that never started (its prerequisite failed, or the bundle was withdrawn). */
  async finishWaitingChild(
    manager: EntityManager,
    child: Application,
    reason: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE applications SET status = 'WITHDRAWN', outcome_reason = $2, finished_at = $3, version = version + 1 WHERE id = $1`,
      [child.id, reason, now],
    );
    await this.events.record(manager, {
      type: 'application.withdrawn',
      subjectType: 'application',
      subjectId: child.id,
      enterpriseId: child.enterpriseId,
      actor: { type: 'system', id: null },
      data: { reason, parentId: child.parentId },
    });
  }

  /**
   * The enterprise (or the holder of its mandate) changes its application: locked and
   * version-checked, in one transaction with the mandate check. A change that kept the entity up
   * to date returns it to answer from; otherwise the application is read back.
   */
  private async changeOwnApplication(
    principal: Principal,
    id: string,
    expected: ExpectedVersion,
    act: 'prepare' | 'submit',
    change: (
      manager: EntityManager,
      application: Application,
      actor: Actor,
    ) => Promise<Application | void>,
  ): Promise<ApplicationDto> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const { application, actor } = await this.reader.findWritable(manager, principal, id, {
        lock: true,
        act,
      });
      assertVersion(application.version, expected, 'Application');
      return change(manager, application, actor);
    });
    return changed ? this.reader.toDto(changed) : this.reader.getApplication(principal, id);
  }

  private async submitBundle(
    manager: EntityManager,
    parent: Application,
    actor: Actor,
  ): Promise<void> {
    const now = this.clock.now();
    const bundle = await this.bundles.getBundle(parent.bundleCode!);
    const members = await this.catalogue.currentVersionsOf(bundle.serviceCodes);
    for (const { service, version } of members) {
      const form = memberForm(version.definition, parent.form);
      const prerequisite =
        bundle.prerequisites.find((rule) => rule.serviceCode === service.code)?.requires ?? null;
      const childId = await this.drafts.insertDraft(
        manager,
        {
          kind: 'CHILD',
          enterpriseId: parent.enterpriseId,
          serviceCode: service.code,
          serviceVersion: version.version,
          parentId: parent.id,
          form,
          waitingFor: prerequisite,
        },
        actor,
      );
      // The parent's current materials of the types this service asks for, in one statement.
      await manager.query(
        `INSERT INTO application_materials (application_id, material_type, sha256, file_name, library_material_id, created_by, created_at)
         SELECT $1, material_type, sha256, file_name, library_material_id, $3, $4
         FROM application_materials
         WHERE application_id = $2 AND superseded_at IS NULL AND material_type = ANY($5)
         ORDER BY created_at, id`,
        [
          childId,
          parent.id,
          actor.id,
          now,
          version.definition.materials.map((material) => material.code),
        ],
      );
      if (!prerequisite)
        await this.submitOne(manager, (await this.workflow.lock(manager, childId))!, actor);
    }
    await manager.query(
      `UPDATE applications SET status = 'IN_PROGRESS', submitted_at = $2, version = version + 1, updated_at = $2 WHERE id = $1`,
      [parent.id, now],
    );
    await this.events.record(manager, {
      type: 'application.submitted',
      subjectType: 'application',
      subjectId: parent.id,
      enterpriseId: parent.enterpriseId,
      actor,
      data: { bundleCode: parent.bundleCode, services: bundle.serviceCodes },
    });
  }
}

/** The part of a bundle's merged form that one of its services asks. */
function memberForm(
  definition: ServiceDefinition,
  form: Record<string, unknown>,
): Record<string, unknown> {
  const fields = Object.keys((definition.formSchema.properties ?? {}) as object);
  return Object.fromEntries(Object.entries(form).filter(([key]) => fields.includes(key)));
}

const attachedOf = (row: MaterialRow) => ({
  materialType: row.material_type,
  format: row.format,
  sizeBytes: Number(row.size_bytes),
});
