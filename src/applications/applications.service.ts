import { isOpenForIntake } from '../catalogue/intake-windows';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BundlesService } from '../catalogue/bundles.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { ServiceDefinition } from '../catalogue/service-definition';
import { Service } from '../catalogue/service.entity';
import { ServiceVersion } from '../catalogue/service-version.entity';
import { Clock } from '../common/clock/clock';
import { Actor, actorOf, actsForEnterprise, Principal } from '../common/auth/principal';
import { assertVersion, ExpectedVersion } from '../common/http/versioning';
import { MultipartUpload } from '../common/http/multipart-upload';
import { DomainError } from '../common/problem/domain-error';
import { EventsService } from '../events/events.service';
import { FileContent, MaterialsService } from '../materials/materials.service';
import type { StoredObject } from '../materials/storage/material-storage';
import { applicationChanged, ApplicationWorkflow } from './application-workflow.service';
import { Application } from './application.entity';
import { assessCompleteness } from './completeness';
import { ApplicationDto, ChecklistDto } from './dto/application.dto';
import {
  DraftUpdateInput,
  LibraryMaterialReferenceInput,
  NewApplicationInput,
  SupplementAnswerInput,
} from './dto/application-input.dto';
import { ApplicationReader, MaterialRow } from './application-reader.service';
import { BookingsService } from '../resources/bookings.service';
import { SlaService } from '../sla/sla.service';

/**
 * Filing: drafts from a service, a bundle or a certificate to renew; forms; materials by
 * upload or from the library; the checklist; submission; withdrawal; supplement answers and
 * confirmations. Every state change goes through the workflow in one transaction.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly bundles: BundlesService,
    private readonly workflow: ApplicationWorkflow,
    private readonly materials: MaterialsService,
    private readonly events: EventsService,
    private readonly reader: ApplicationReader,
    private readonly sla: SlaService,
    private readonly clock: Clock,
    private readonly bookings: BookingsService,
  ) {}

  async createApplication(
    principal: Principal,
    input: NewApplicationInput,
  ): Promise<ApplicationDto> {
    const targets = [input.serviceCode, input.bundleCode, input.renewalOf].filter(Boolean);
    if (targets.length !== 1) {
      throw DomainError.invalidField(
        'serviceCode',
        'send exactly one of serviceCode, bundleCode or renewalOf',
      );
    }
    const enterpriseId = this.enterpriseFor(principal, input.enterpriseId);
    const actor = actorOf(principal);
    // Read before the transaction: a second pool connection taken while one is held would
    // deadlock the pool under load.
    const published = input.serviceCode ? await this.publishedService(input.serviceCode) : null;
    const created = await this.dataSource.transaction(async (manager) => {
      const draft = await this.insertRequestedDraft(
        manager,
        principal,
        input,
        enterpriseId,
        actor,
        published,
      );
      const reused =
        draft.definition &&
        (await this.reuseIssuedCertificates(
          manager,
          draft.id,
          enterpriseId,
          draft.definition,
          actor,
        ));
      return { id: draft.id, reused };
    });
    const application = await this.reader.findVisible(
      this.dataSource.manager,
      principal,
      created.id,
    );
    // A new draft holds no materials but the certificates it reused.
    return this.reader.toDto(application, created.reused ? undefined : []);
  }

  /** The version a new draft of the service pins; retired services take no new drafts. */
  private async publishedService(
    code: string,
  ): Promise<{ service: Service; version: ServiceVersion }> {
    const current = await this.catalogue.currentVersionOf(code).catch(() => {
      throw DomainError.invalidField('serviceCode', `${code} is not a published service`);
    });
    if (current.service.retiredAt)
      throw new DomainError(
        'unprocessable',
        `Service ${current.service.code} is retired and takes no new applications`,
      );
    return current;
  }

  private async insertRequestedDraft(
    manager: EntityManager,
    principal: Principal,
    input: NewApplicationInput,
    enterpriseId: string,
    actor: Actor,
    published: { service: Service; version: ServiceVersion } | null,
  ): Promise<{ id: string; definition: ServiceDefinition | null }> {
    if (input.bundleCode) {
      const bundle = await this.bundles.getBundle(input.bundleCode);
      const id = await this.insertDraft(
        manager,
        { kind: 'BUNDLE', enterpriseId, bundleCode: bundle.code, form: input.form ?? {} },
        actor,
      );
      return { id, definition: null };
    }
    if (input.renewalOf)
      return this.createRenewal(manager, principal, enterpriseId, input.renewalOf, actor);
    const { service, version } = published!;
    const id = await this.insertDraft(
      manager,
      {
        kind: 'SINGLE',
        enterpriseId,
        serviceCode: service.code,
        serviceVersion: version.version,
        form: input.form ?? {},
      },
      actor,
    );
    return { id, definition: version.definition };
  }

  /**
   * Certificates this platform issued sit in the enterprise's library; a new application that
   * needs one gets it attached at once, never asked for again.
   */
  private async reuseIssuedCertificates(
    manager: EntityManager,
    applicationId: string,
    enterpriseId: string,
    definition: ServiceDefinition,
    actor: Actor,
  ): Promise<boolean> {
    const wanted = definition.materials
      .filter((material) => material.fromLibrary)
      .map((material) => material.code);
    if (wanted.length === 0) return false;
    const issued: { id: string; material_type: string; sha256: string; file_name: string }[] =
      await manager.query(
        `SELECT DISTINCT ON (l.material_type) l.id, l.material_type, l.sha256, l.file_name
       FROM library_materials l JOIN certificates c ON c.id = l.certificate_id
       WHERE l.enterprise_id = $1 AND l.material_type = ANY($2) AND c.status = 'ACTIVE'
         AND (c.valid_until IS NULL OR c.valid_until >= $3::date)
       ORDER BY l.material_type, l.created_at DESC`,
        [enterpriseId, wanted, this.clock.now().toISOString().slice(0, 10)],
      );
    if (issued.length === 0) return false;
    const application = (await this.workflow.lock(manager, applicationId))!;
    for (const item of issued) {
      await this.replaceMaterial(
        manager,
        application,
        {
          materialType: item.material_type,
          sha256: item.sha256,
          fileName: item.file_name,
          libraryMaterialId: item.id,
        },
        actor,
      );
    }
    return true;
  }

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

  /** Attaches an uploaded file as a material type of the application (replacing an earlier one). */
  async attachUpload(
    principal: Principal,
    id: string,
    upload: MultipartUpload,
  ): Promise<ApplicationDto> {
    const materialType = upload.fields.materialType;
    if (!materialType)
      throw DomainError.invalidField('materialType', 'is required (as a field before the file)');
    const application = await this.findForMaterials(principal, id);
    const material = (await this.materialTypesOf(application)).get(materialType);
    if (!material)
      throw DomainError.invalidField(
        'materialType',
        `${materialType} is not a material of this application`,
      );
    const stored = await this.materials.store(upload.file, {
      maxBytes: material.maxBytes,
      allowedFormats: material.formats,
    });
    return this.attachMaterial(principal, application, {
      materialType,
      sha256: stored.sha256,
      fileName: upload.fileName,
      file: stored,
      upload: stored,
    });
  }

  /** Attaches a document of the enterprise's material library: nothing is uploaded again. */
  async attachFromLibrary(
    principal: Principal,
    id: string,
    input: LibraryMaterialReferenceInput,
  ): Promise<ApplicationDto> {
    const application = await this.findForMaterials(principal, id);
    const material = (await this.materialTypesOf(application)).get(input.materialType);
    if (!material)
      throw DomainError.invalidField(
        'materialType',
        `${input.materialType} is not a material of this application`,
      );
    if (!material.fromLibrary)
      throw DomainError.invalidField(
        'materialType',
        'must be uploaded for this application, not taken from the library',
      );
    const item = await this.materials.findLibraryMaterial(
      this.dataSource.manager,
      application.enterpriseId,
      input.libraryMaterialId,
    );
    if (!(material.formats as string[]).includes(item.format)) {
      throw new DomainError(
        'unsupported-media-type',
        `${input.materialType} must be ${material.formats.join(' or ')}, the library file is ${item.format}`,
      );
    }
    if (item.sizeBytes > material.maxBytes)
      throw new DomainError(
        'payload-too-large',
        `The library file is larger than ${material.maxBytes} bytes`,
      );
    return this.attachMaterial(principal, application, {
      materialType: input.materialType,
      sha256: item.sha256,
      fileName: item.fileName,
      file: item,
      libraryMaterialId: item.id,
    });
  }

  /**
   * Attaches without a transaction or a lock: the one statement of writeMaterial proves by the
   * version that nothing changed since `read` was read; when something did (another
   * attachment), the application is read and checked again. The response is built from what
   * was read and written, not read back.
   */
  private async attachMaterial(
    principal: Principal,
    read: Application,
    attachment: NewMaterial & { file: Omit<StoredObject, 'sha256'> },
  ): Promise<ApplicationDto> {
    let application = read;
    for (let attempt = 1; ; attempt++) {
      const written = await this.writeMaterial(
        this.dataSource.manager,
        application,
        attachment,
        actorOf(principal),
      );
      if (written) {
        return this.reader.toDto(application, [
          ...written.others,
          {
            id: written.id,
            application_id: application.id,
            material_type: attachment.materialType,
            sha256: attachment.sha256,
            file_name: attachment.fileName,
            library_material_id: attachment.libraryMaterialId ?? null,
            created_at: written.createdAt,
            size_bytes: String(attachment.file.sizeBytes),
            format: attachment.file.format,
            media_type: attachment.file.mediaType,
          },
        ]);
      }
      if (attempt === ATTACH_ATTEMPTS) throw applicationChanged();
      application = await this.findForMaterials(principal, application.id);
    }
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
    return this.changeOwnApplication(principal, id, expected, async (manager, application) => {
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
      const actor = actorOf(principal);
      if (application.kind === 'BUNDLE') return this.submitBundle(manager, application, actor);
      await this.bookings.assertBookingReference(manager, application);
      await this.submitOne(manager, application, actor);
      return application;
    });
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
    return this.changeOwnApplication(principal, id, expected, async (manager, application) => {
      const actor = actorOf(principal);
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
    });
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
      async (manager, application) => {
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
            actor: actorOf(principal),
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
    return this.changeOwnApplication(principal, id, expected, async (manager, application) => {
      await this.workflow.transition(
        manager,
        application,
        { kind: 'enterprise', stage: application.stage ?? '', event: 'confirm' },
        {
          actor: actorOf(principal),
          now: this.clock.now(),
        },
      );
    });
  }

  async materialContent(
    principal: Principal,
    id: string,
    materialId: string,
  ): Promise<FileContent> {
    const application = await this.reader.findVisible(this.dataSource.manager, principal, id);
    const [row]: MaterialRow[] = await this.dataSource.query(
      `SELECT m.*, f.size_bytes, f.format, f.media_type FROM application_materials m JOIN stored_files f ON f.sha256 = m.sha256
       WHERE m.application_id = $1 AND m.id = $2`,
      [application.id, materialId],
    );
    if (!row) throw DomainError.notFound('Material');
    return this.materials.open(row.sha256, row.file_name);
  }

  /** Starts a bundle child whose prerequisite was approved, carrying the certificate it issued. */
  async startWaitingChild(
    manager: EntityManager,
    child: Application,
    certificateMaterial: { materialType: string; libraryMaterialId: string } | null,
  ): Promise<void> {
    if (certificateMaterial) {
      const item = await this.materials.findLibraryMaterial(
        manager,
        child.enterpriseId,
        certificateMaterial.libraryMaterialId,
      );
      await this.replaceMaterial(
        manager,
        child,
        {
          materialType: certificateMaterial.materialType,
          sha256: item.sha256,
          fileName: item.fileName,
          libraryMaterialId: item.id,
        },
        { type: 'system', id: null },
      );
    }
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
   * The enterprise changes its own application: locked and version-checked, in one
   * transaction. A change that kept the entity up to date returns it to answer from; otherwise
   * the application is read back.
   */
  private async changeOwnApplication(
    principal: Principal,
    id: string,
    expected: ExpectedVersion,
    change: (manager: EntityManager, application: Application) => Promise<Application | void>,
  ): Promise<ApplicationDto> {
    const changed = await this.dataSource.transaction(async (manager) => {
      const application = await this.reader.findVisible(manager, principal, id, {
        lock: true,
        write: true,
      });
      assertVersion(application.version, expected, 'Application');
      return change(manager, application);
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
    const parentMaterials = await this.reader.currentMaterials(manager, [parent.id]);
    for (const { service, version } of members) {
      const form = memberForm(version.definition, parent.form);
      const prerequisite =
        bundle.prerequisites.find((rule) => rule.serviceCode === service.code)?.requires ?? null;
      const childId = await this.insertDraft(
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
      const needed = new Set(version.definition.materials.map((material) => material.code));
      for (const material of parentMaterials.filter((row) => needed.has(row.material_type))) {
        await manager.query(
          `INSERT INTO application_materials (application_id, material_type, sha256, file_name, library_material_id, created_by, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            childId,
            material.material_type,
            material.sha256,
            material.file_name,
            material.library_material_id,
            actor.id,
            now,
          ],
        );
      }
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

  private async createRenewal(
    manager: EntityManager,
    principal: Principal,
    enterpriseId: string,
    certificateId: string,
    actor: Actor,
  ): Promise<{ id: string; definition: ServiceDefinition }> {
    const [certificate] = await manager.query(
      `SELECT c.service_code, c.enterprise_id, a.form FROM certificates c JOIN applications a ON a.id = c.application_id WHERE c.id = $1`,
      [certificateId],
    );
    if (
      !certificate ||
      certificate.enterprise_id !== enterpriseId ||
      !actsForEnterprise(principal, certificate.enterprise_id)
    ) {
      throw DomainError.notFound('Certificate');
    }
    const [{ service, version }] = await this.catalogue.currentVersionsOf([
      certificate.service_code,
    ]);
    if (service.retiredAt)
      throw new DomainError('unprocessable', `Service ${service.code} is retired`);
    const id = await this.insertDraft(
      manager,
      {
        kind: 'SINGLE',
        enterpriseId,
        serviceCode: service.code,
        serviceVersion: version.version,
        form: certificate.form,
        renewalOf: certificateId,
      },
      actor,
    );
    return { id, definition: version.definition };
  }

  private async insertDraft(
    manager: EntityManager,
    draft: {
      kind: 'SINGLE' | 'BUNDLE' | 'CHILD';
      enterpriseId: string;
      serviceCode?: string;
      serviceVersion?: number;
      bundleCode?: string;
      parentId?: string;
      renewalOf?: string;
      waitingFor?: string | null;
      form: Record<string, unknown>;
    },
    actor: Actor,
  ): Promise<string> {
    const now = this.clock.now();
    const year = new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
    const [{ id }] = await manager.query(
      `INSERT INTO applications (number, kind, enterprise_id, service_code, service_version, bundle_code, parent_id, renewal_of,
         waiting_for, status, form, created_by, created_at, updated_at)
       VALUES ('QT-' || $1::text || '-' || lpad(nextval('application_number_seq')::text, 6, '0'), $2, $3, $4, $5, $6, $7, $8, $9,
         'DRAFT', $10, $11, $12, $12)
       RETURNING id`,
      [
        year,
        draft.kind,
        draft.enterpriseId,
        draft.serviceCode ?? null,
        draft.serviceVersion ?? null,
        draft.bundleCode ?? null,
        draft.parentId ?? null,
        draft.renewalOf ?? null,
        draft.waitingFor ?? null,
        draft.form,
        actor.id,
        now,
      ],
    );
    return id;
  }

  /** The application, if materials may be attached to it now. */
  private async findForMaterials(principal: Principal, id: string): Promise<Application> {
    const application = await this.reader.findVisible(this.dataSource.manager, principal, id, {
      write: true,
    });
    if (
      (application.status !== 'DRAFT' && application.status !== 'SUPPLEMENT_REQUIRED') ||
      (application.parentId && application.status === 'DRAFT')
    ) {
      throw new DomainError(
        'conflict',
        `Materials can be attached to a draft or while a supplement is awaited; this one is ${application.status}`,
      );
    }
    return application;
  }

  private async materialTypesOf(application: Application) {
    if (application.kind === 'BUNDLE') {
      const bundle = await this.bundles.getBundle(application.bundleCode!);
      return new Map(bundle.materials.map((material) => [material.code, material]));
    }
    const definition = await this.workflow.definitionOf(application);
    return new Map(definition.materials.map((material) => [material.code, material]));
  }

  /** Replaces a material inside the caller's transaction, which holds the application's lock. */
  private async replaceMaterial(
    manager: EntityManager,
    application: Application,
    material: NewMaterial,
    actor: Actor,
  ): Promise<void> {
    if (!(await this.writeMaterial(manager, application, material, actor)))
      throw applicationChanged();
  }

  /**
   * One statement: the version bump (only if the application is still at the version it was
   * read at), the stored file's row for an upload, the material superseding the earlier one of
   * its type, and the event. Returns the other current materials as they were, or null when
   * the version moved and nothing was written.
   */
  private async writeMaterial(
    manager: EntityManager,
    application: Application,
    material: NewMaterial,
    actor: Actor,
  ): Promise<{ id: string; createdAt: Date; others: MaterialRow[] } | null> {
    const now = this.clock.now();
    const id = randomUUID();
    const upload = material.upload;
    const rows = await this.events.writeWithEvents<MaterialRow & { attached: boolean }>(
      manager,
      {
        ctes: `bumped AS (
            UPDATE applications SET version = version + 1, updated_at = $3
            WHERE id = $1 AND version = $4 RETURNING id
          ), registered AS (
            INSERT INTO stored_files (sha256, size_bytes, format, media_type)
            SELECT $6, $10, $11, $12 FROM bumped WHERE $10::bigint IS NOT NULL
            ON CONFLICT (sha256) DO NOTHING
          ), superseded AS (
            UPDATE application_materials m SET superseded_at = $3 FROM bumped
            WHERE m.application_id = $1 AND m.material_type = $2 AND m.superseded_at IS NULL
          ), attached AS (
            INSERT INTO application_materials (id, application_id, material_type, sha256, file_name, library_material_id, created_by, created_at)
            SELECT $5, $1, $2, $6, $7, $8, $9, $3 FROM bumped
          )`,
        params: [
          application.id,
          material.materialType,
          now,
          application.version,
          id,
          material.sha256,
          material.fileName,
          material.libraryMaterialId ?? null,
          actor.id,
          upload?.sizeBytes ?? null,
          upload?.format ?? null,
          upload?.mediaType ?? null,
        ],
        guard: 'bumped',
        // The statement does not see its own writes: these are the materials from before it.
        select: `SELECT EXISTS (SELECT 1 FROM bumped) AS attached, m.*, f.size_bytes, f.format, f.media_type
          FROM (SELECT 1) AS one LEFT JOIN (application_materials m JOIN stored_files f ON f.sha256 = m.sha256)
            ON m.application_id = $1 AND m.superseded_at IS NULL AND m.material_type <> $2
          ORDER BY m.created_at, m.id`,
      },
      [
        {
          type: 'material.attached',
          subjectType: 'application',
          subjectId: application.id,
          enterpriseId: application.enterpriseId,
          actor,
          data: {
            materialId: id,
            materialType: material.materialType,
            sha256: material.sha256,
            fromLibrary: Boolean(material.libraryMaterialId),
          },
        },
      ],
    );
    if (!rows[0].attached) return null;
    application.version += 1;
    return { id, createdAt: now, others: rows.filter((row) => row.id !== null) };
  }

  /** The enterprise an action is for: a user's own, or the one an integrator names. */
  private enterpriseFor(principal: Principal, requested?: string): string {
    if (principal.kind === 'user') {
      if (!principal.enterpriseId)
        throw new DomainError(
          'forbidden',
          'Only enterprise users and integrators file applications',
        );
      if (requested && requested !== principal.enterpriseId)
        throw DomainError.notFound('Enterprise');
      return principal.enterpriseId;
    }
    if (!requested)
      throw DomainError.invalidField(
        'enterpriseId',
        'is required for integrators: name the enterprise you file for',
      );
    if (!principal.enterpriseIds.includes(requested)) throw DomainError.notFound('Enterprise');
    return requested;
  }
}

/** Concurrent attachments to one application retry this often before answering 409. */
const ATTACH_ATTEMPTS = 8;

interface NewMaterial {
  materialType: string;
  sha256: string;
  fileName: string;
  libraryMaterialId?: string;
  /** An upload's stored bytes, registered with the material. */
  upload?: StoredObject;
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
