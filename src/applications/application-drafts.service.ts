import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { BundlesService } from '../catalogue/bundles.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import type { ServiceDefinition } from '../catalogue/service-definition';
import { Service } from '../catalogue/service.entity';
import { ServiceVersion } from '../catalogue/service-version.entity';
import { Clock } from '../common/clock/clock';
import {
  Actor,
  actorOf,
  actsForEnterprise,
  enterpriseNamedBy,
  Principal,
} from '../common/auth/principal';
import { DomainError } from '../common/problem/domain-error';
import { mayHoldMandates } from '../mandates/mandate-holders';
import { MandatesService } from '../mandates/mandates.service';
import { ApplicationMaterials } from './application-materials.service';
import { ApplicationReader } from './application-reader.service';
import { ApplicationWorkflow } from './application-workflow.service';
import { ApplicationDto } from './dto/application.dto';
import { NewApplicationInput } from './dto/application-input.dto';

/**
 * New drafts: of a service, of a bundle, or renewing a certificate, for the enterprise the
 * caller acts for; certificates the platform issued are attached at once.
 */
/** A certificate being renewed: the new draft takes its service and its application's answers. */
interface CertificateToRenew {
  id: string;
  serviceCode: string;
  form: Record<string, unknown>;
}

@Injectable()
export class ApplicationDrafts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
    private readonly bundles: BundlesService,
    private readonly workflow: ApplicationWorkflow,
    private readonly attachments: ApplicationMaterials,
    private readonly reader: ApplicationReader,
    private readonly mandates: MandatesService,
    private readonly clock: Clock,
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
    // Read before the transaction: a second pool connection taken while one is held would
    // deadlock the pool under load.
    const published = input.serviceCode ? await this.publishedService(input.serviceCode) : null;
    const created = await this.dataSource.transaction(async (manager) => {
      // A renewal is of the certificate's service: a proxy needs a mandate that covers it.
      const renewed = input.renewalOf
        ? await this.certificateToRenew(manager, enterpriseId, input.renewalOf)
        : null;
      const actor = await this.actorFor(
        manager,
        principal,
        enterpriseId,
        input.serviceCode ?? renewed?.serviceCode,
      );
      const draft = await this.insertRequestedDraft(
        manager,
        input,
        enterpriseId,
        actor,
        published,
        renewed,
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
    input: NewApplicationInput,
    enterpriseId: string,
    actor: Actor,
    published: { service: Service; version: ServiceVersion } | null,
    renewed: CertificateToRenew | null,
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
    if (renewed) return this.createRenewal(manager, enterpriseId, renewed, actor);
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
      await this.attachments.replaceMaterial(
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

  /** The enterprise's certificate a renewal starts from; another's is not found. */
  private async certificateToRenew(
    manager: EntityManager,
    enterpriseId: string,
    certificateId: string,
  ): Promise<CertificateToRenew> {
    const [certificate]: { service_code: string; form: Record<string, unknown> }[] =
      await manager.query(
        `SELECT c.service_code, a.form FROM certificates c JOIN applications a ON a.id = c.application_id
         WHERE c.id = $1 AND c.enterprise_id = $2`,
        [certificateId, enterpriseId],
      );
    if (!certificate) throw DomainError.notFound('Certificate');
    return { id: certificateId, serviceCode: certificate.service_code, form: certificate.form };
  }

  private async createRenewal(
    manager: EntityManager,
    enterpriseId: string,
    certificate: CertificateToRenew,
    actor: Actor,
  ): Promise<{ id: string; definition: ServiceDefinition }> {
    const [{ service, version }] = await this.catalogue.currentVersionsOf([
      certificate.serviceCode,
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
        renewalOf: certificate.id,
      },
      actor,
    );
    return { id, definition: version.definition };
  }

  async insertDraft(
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
         waiting_for, status, form, created_by, mandate_id, created_at, updated_at)
       VALUES ('QT-' || $1::text || '-' || lpad(nextval('application_number_seq')::text, 6, '0'), $2, $3, $4, $5, $6, $7, $8, $9,
         'DRAFT', $10, $11, $13, $12, $12)
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
        actor.mandate?.id ?? null,
      ],
    );
    return id;
  }

  /**
   * The enterprise an action is for: a user's own, the one an integrator names, or the one a
   * holder of its mandate names (the mandate is checked by actorFor).
   */
  private enterpriseFor(principal: Principal, requested?: string): string {
    const named = enterpriseNamedBy(principal, requested);
    if (named) return named;
    if (requested && mayHoldMandates(principal)) return requested;
    throw new DomainError(
      'forbidden',
      'Only enterprise users, integrators and holders of a mandate file applications',
    );
  }

  /**
   * Whom the draft is recorded as: the caller, and for a proxy the mandate in force that covers
   * the service (a bundle: one for all services), share-locked in the draft's transaction.
   */
  private async actorFor(
    manager: EntityManager,
    principal: Principal,
    enterpriseId: string,
    serviceCode: string | undefined,
  ): Promise<Actor> {
    const actor = actorOf(principal);
    if (actsForEnterprise(principal, enterpriseId)) return actor;
    const mandate = await this.mandates.inForce(
      manager,
      principal,
      enterpriseId,
      serviceCode ?? null,
      { lock: true },
    );
    if (!mandate)
      throw new DomainError(
        'forbidden',
        `No mandate in force of this enterprise lets you file ${serviceCode ?? 'this'} for it`,
      );
    return { ...actor, mandate: { id: mandate.id, enterpriseId } };
  }
}
