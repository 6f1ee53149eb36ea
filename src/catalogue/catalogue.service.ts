import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/principal';
import { TtlCache } from '../common/cache/ttl-cache';
import { ClusterSignals } from '../common/signals/cluster-signals.service';
import { Page, paginateByKey } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { AfterCommit } from '../database/after-commit.service';
import { escapeLike } from '../database/escape-like';
import { isUniqueViolation } from '../database/postgres-errors';
import { buildWorkflow } from '../workflow/archetypes';
import { ALL_SERVICES, ServiceSeed } from './data';
import type { FileFormat } from './data/catalogue-seed.types';
import { validateServiceDefinition } from './definition-validator';
import { ServiceDto, ServiceSummaryDto, ServiceVersionSummaryDto } from './dto/service.dto';
import { DraftChangeInput, NewServiceInput, ServiceDefinitionInput } from './dto/service-input.dto';
import { ServiceListQuery } from './dto/service-query.dto';
import { Department } from './department.entity';
import { ServiceDefinition } from './service-definition';
import { Service } from './service.entity';
import { ServiceVersion } from './service-version.entity';

const contentHash = (definition: ServiceDefinition) =>
  createHash('sha256').update(JSON.stringify(definition)).digest('hex');

/** A catalogue entry as the platform stores it: the workflow archetype expanded into stages. */
export function definitionFromSeed(seed: ServiceSeed): ServiceDefinition {
  return {
    name: seed.name,
    nameEn: seed.nameEn,
    departmentCode: seed.departmentCode,
    legalBasis: seed.legalBasis,
    promisedWorkingDays: seed.promisedWorkingDays,
    statutoryWorkingDays: seed.statutoryWorkingDays,
    timeLimitBasis: seed.timeLimitBasis,
    ...(seed.competentAuthority ? { competentAuthority: seed.competentAuthority } : {}),
    ...(seed.description ? { description: seed.description } : {}),
    keyIssues: seed.keyIssues,
    ...(seed.intakeWindows ? { intakeWindows: seed.intakeWindows } : {}),
    ...(seed.unconfirmed ? { unconfirmed: seed.unconfirmed } : {}),
    feeCny: seed.feeCny,
    certificate: seed.certificate,
    materials: seed.materials,
    formSchema: seed.formSchema,
    workflow: buildWorkflow(seed.workflow, { issuesCertificate: seed.certificate !== null }),
  };
}

/** How long a process trusts a service's current version; publishing and retiring drop it. */
const CURRENT_VERSION_CACHE_MS = 5000;

@Injectable()
export class CatalogueService implements OnModuleInit {
  private readonly publishedCache = new Map<string, ServiceDefinition>();
  private readonly currentCache = new TtlCache<{ service: Service; version: ServiceVersion }>(
    CURRENT_VERSION_CACHE_MS,
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly afterCommit: AfterCommit,
    private readonly signals: ClusterSignals,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.signals.subscribe('catalogue', () => this.currentCache.clear());
  }

  /** The version new drafts of the service pin, as of a few seconds ago at most. */
  currentVersionOf(code: string): Promise<{ service: Service; version: ServiceVersion }> {
    return this.currentCache.get(code, async () => (await this.currentVersionsOf([code]))[0]);
  }

  /** A service's current version or retirement changed: every process reads it again. */
  private currentVersionChanged(manager: EntityManager): void {
    this.currentCache.clear();
    this.afterCommit.run(manager, () => {
      this.currentCache.clear();
      void this.signals.publish('catalogue');
    });
  }

  async listServices(query: ServiceListQuery): Promise<Page<ServiceSummaryDto>> {
    const services = this.dataSource
      .getRepository(Service)
      .createQueryBuilder('service')
      .where('service.current_version IS NOT NULL');
    if (!query.includeRetired) services.andWhere('service.retired_at IS NULL');
    if (query.category)
      services.andWhere('service.category = :category', { category: query.category });
    if (query.department)
      services.andWhere('service.department_code = :department', { department: query.department });
    if (query.keyIssue)
      services.andWhere(':keyIssue = ANY(service.key_issues)', { keyIssue: query.keyIssue });
    if (query.q) {
      services.andWhere(`(service.name || ' ' || service.name_en) ILIKE :q`, {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const page = await paginateByKey(services, query, 'code');
    const versions = await this.versionsOf(page.data);
    return {
      data: page.data.map((service) => {
        const definition = versions.get(service.code)!.definition;
        return {
          code: service.code,
          category: service.category,
          name: service.name,
          nameEn: service.nameEn,
          departmentCode: service.departmentCode,
          promisedWorkingDays: definition.promisedWorkingDays,
          statutoryWorkingDays: definition.statutoryWorkingDays,
          keyIssues: definition.keyIssues ?? [],
          version: service.currentVersion!,
          retired: service.retiredAt !== null,
        };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /**
   * Caches every published definition at once. Applications read definitions inside their
   * transactions; loading one there takes a second pool connection, which under load can
   * leave every connection waiting for another.
   */
  async loadPublishedDefinitions(): Promise<void> {
    const versions = await this.dataSource
      .getRepository(ServiceVersion)
      .findBy({ status: 'PUBLISHED' });
    for (const version of versions)
      this.publishedCache.set(`${version.serviceCode}@${version.version}`, version.definition);
  }

  /** A published version's definition; cached, since published versions never change. */
  async publishedDefinition(code: string, version: number): Promise<ServiceDefinition> {
    const key = `${code}@${version}`;
    const cached = this.publishedCache.get(key);
    if (cached) return cached;
    const found = await this.findVersion(this.dataSource.manager, code, version);
    if (found.status !== 'PUBLISHED')
      throw DomainError.notFound(`Published version ${version} of ${code}`);
    this.publishedCache.set(key, found.definition);
    return found.definition;
  }

  async listDepartments(): Promise<{ code: string; name: string; nameEn: string }[]> {
    const departments = await this.dataSource
      .getRepository(Department)
      .find({ order: { code: 'ASC' } });
    return departments.map(({ code, name, nameEn }) => ({ code, name, nameEn }));
  }

  /** Services at their current published versions, in the order asked; each must exist and be published. */
  async currentVersionsOf(
    codes: string[],
  ): Promise<{ service: Service; version: ServiceVersion }[]> {
    const services = await this.dataSource.getRepository(Service).findBy({ code: In(codes) });
    const versions = await this.versionsOf(services);
    return codes.map((code) => {
      const service = services.find((candidate) => candidate.code === code);
      const version = versions.get(code);
      if (!service || !version)
        throw new DomainError('conflict', `Service ${code} has no published version`);
      return { service, version };
    });
  }

  /**
   * What the enterprise material library accepts as `materialType`: the formats and size that
   * current services taking that type from the library allow (the widest of them, since one
   * document serves them all; attaching it checks the application's own limits again). Null
   * when no current service takes the type from the library.
   */
  async libraryLimitsOf(
    materialType: string,
  ): Promise<{ formats: FileFormat[]; maxBytes: number } | null> {
    const [row]: { formats: FileFormat[] | null; max_bytes: string | null }[] =
      await this.dataSource.query(
        `SELECT array_agg(DISTINCT format ORDER BY format) AS formats,
                max((material->>'maxBytes')::bigint) AS max_bytes
         FROM services s
         JOIN service_versions v ON v.service_code = s.code AND v.version = s.current_version
         CROSS JOIN LATERAL jsonb_array_elements(v.definition->'materials') AS material
         CROSS JOIN LATERAL jsonb_array_elements_text(material->'formats') AS format
         WHERE s.retired_at IS NULL AND material->>'code' = $1
           AND (material->>'fromLibrary')::boolean`,
        [materialType],
      );
    if (!row.formats || row.max_bytes === null) return null;
    return { formats: row.formats, maxBytes: Number(row.max_bytes) };
  }

  /** The current published version, which new applications are filed under. */
  async getService(code: string): Promise<ServiceDto> {
    const service = await this.findService(this.dataSource.manager, code);
    if (service.currentVersion === null) throw DomainError.notFound(`Service ${code}`);
    return ServiceDto.from(
      service,
      await this.findVersion(this.dataSource.manager, code, service.currentVersion),
    );
  }

  /** A specific version; drafts only for admins. */
  async getVersion(code: string, version: number, includeDrafts: boolean): Promise<ServiceDto> {
    const service = await this.findService(this.dataSource.manager, code);
    const found = await this.findVersion(this.dataSource.manager, code, version);
    if (found.status === 'DRAFT' && !includeDrafts)
      throw DomainError.notFound(`Version ${version} of ${code}`);
    return ServiceDto.from(service, found);
  }

  /** Published versions are public: applications pinned to older ones can always be read. */
  async listVersions(code: string, includeDrafts: boolean): Promise<ServiceVersionSummaryDto[]> {
    const service = await this.findService(this.dataSource.manager, code);
    const versions = await this.dataSource.getRepository(ServiceVersion).find({
      where: { serviceCode: code, ...(includeDrafts ? {} : { status: 'PUBLISHED' as const }) },
      order: { version: 'DESC' },
    });
    return versions.map((version) => ({
      version: version.version,
      status: version.status,
      current: version.version === service.currentVersion,
      source: version.source,
      createdAt: version.createdAt.toISOString(),
      publishedAt: version.publishedAt?.toISOString() ?? null,
    }));
  }

  /** A new service starts as a draft; it appears in the catalogue once its first version is published. */
  async createService(actor: Actor, input: NewServiceInput): Promise<ServiceDto> {
    const definition = toDefinition(input.definition);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await manager.insert(Service, {
          code: input.code,
          category: input.category,
          departmentCode: definition.departmentCode,
          name: definition.name,
          nameEn: definition.nameEn,
          keyIssues: definition.keyIssues ?? [],
          currentVersion: null,
        });
        const version = await this.insertVersion(
          manager,
          input.code,
          1,
          definition,
          'ADMIN',
          actor,
        );
        await this.audit.record(manager, actor, 'service.created', {
          type: 'service',
          id: input.code,
        });
        return ServiceDto.from(await this.findService(manager, input.code), version);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'services_pkey'))
        throw new DomainError('conflict', `Service ${input.code} already exists`);
      if ((error as { driverError?: { code?: string } }).driverError?.code === '23503') {
        throw DomainError.invalidField('definition.departmentCode', 'is not a known department');
      }
      throw error;
    }
  }

  /** Opens the one draft a service may have, copied from the current version unless given. */
  async createDraft(
    actor: Actor,
    code: string,
    definitionInput?: ServiceDefinitionInput,
  ): Promise<ServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const service = await this.findService(manager, code, true);
      const base = definitionInput
        ? toDefinition(definitionInput)
        : service.currentVersion !== null
          ? (await this.findVersion(manager, code, service.currentVersion)).definition
          : null;
      if (!base)
        throw new DomainError(
          'conflict',
          `Service ${code} has no published version to copy; send a definition`,
        );
      try {
        const version = await this.insertVersion(
          manager,
          code,
          (await this.latestVersion(manager, code)) + 1,
          base,
          'ADMIN',
          actor,
        );
        await this.audit.record(
          manager,
          actor,
          'service.version_created',
          { type: 'service', id: code },
          { version: version.version },
        );
        return ServiceDto.from(service, version);
      } catch (error) {
        if (isUniqueViolation(error, 'service_versions_one_draft_key')) {
          throw new DomainError(
            'conflict',
            `Service ${code} already has a draft; edit or publish it first`,
          );
        }
        throw error;
      }
    });
  }

  async updateDraft(
    actor: Actor,
    code: string,
    versionNumber: number,
    change: DraftChangeInput,
  ): Promise<ServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const service = await this.findService(manager, code);
      const version = await this.findVersion(manager, code, versionNumber, true);
      if (version.status !== 'DRAFT') {
        throw new DomainError(
          'conflict',
          `Version ${versionNumber} of ${code} is published and can no longer change`,
        );
      }
      const definition = {
        ...version.definition,
        ...toDefinition(change as ServiceDefinitionInput),
      };
      await manager.query(
        `UPDATE service_versions SET definition = $3, content_hash = $4
         WHERE service_code = $1 AND version = $2 AND status = 'DRAFT'`,
        [code, versionNumber, definition, contentHash(definition)],
      );
      await this.audit.record(
        manager,
        actor,
        'service.version_updated',
        { type: 'service', id: code },
        {
          version: versionNumber,
          fields: Object.keys(change),
        },
      );
      return ServiceDto.from(service, await this.findVersion(manager, code, versionNumber));
    });
  }

  /**
   * Publishes a draft after checking it whole: form schema, situation rules, limits and the
   * workflow (each problem names its stage and action). From then on it never changes.
   */
  async publishVersion(actor: Actor, code: string, versionNumber: number): Promise<ServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const service = await this.findService(manager, code, true);
      const version = await this.findVersion(manager, code, versionNumber, true);
      if (version.status !== 'DRAFT')
        throw new DomainError(
          'conflict',
          `Version ${versionNumber} of ${code} is already published`,
        );
      const problems = validateServiceDefinition(version.definition);
      const [department] = await manager.query(`SELECT 1 FROM departments WHERE code = $1`, [
        version.definition.departmentCode,
      ]);
      if (!department)
        problems.push({ field: 'departmentCode', message: 'is not a known department' });
      if (problems.length > 0) {
        throw new DomainError(
          'validation-failed',
          `Version ${versionNumber} of ${code} cannot be published: ${problems.length} problem(s)`,
          {
            errors: problems.map((problem) => ({
              field: problem.field,
              message:
                problem.stage !== undefined
                  ? `stage ${problem.stage ?? '(workflow)'}${problem.action ? `, action ${problem.action}` : ''}: ${problem.message}`
                  : problem.message,
            })),
            workflowProblems: problems
              .filter((problem) => problem.field === 'workflow')
              .map(({ stage, action, message }) => ({ stage, action, message })),
          },
        );
      }
      await this.markPublished(manager, service.code, versionNumber, version.definition, actor);
      await this.audit.record(
        manager,
        actor,
        'service.version_published',
        { type: 'service', id: code },
        { version: versionNumber },
      );
      return ServiceDto.from(
        await this.findService(manager, code),
        await this.findVersion(manager, code, versionNumber),
      );
    });
  }

  /** A retired service takes no new applications; open ones carry on under their version. */
  async retireService(actor: Actor, code: string): Promise<ServiceDto> {
    await this.dataSource.transaction(async (manager) => {
      const service = await this.findService(manager, code, true);
      if (service.retiredAt) return;
      await manager.update(Service, { code }, { retiredAt: new Date() });
      this.currentVersionChanged(manager);
      await this.audit.record(manager, actor, 'service.retired', { type: 'service', id: code });
    });
    return this.getService(code);
  }

  /**
   * Seeds the catalogue's services. A missing service is created at version 1; a service whose current
   * version came from the seed gets a new version only when the seed changed; versions an
   * admin published are never overridden. Running it twice changes nothing.
   */
  async seedCatalogue(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(7352012)`);
      for (const seed of ALL_SERVICES) {
        const definition = definitionFromSeed(seed);
        const hash = contentHash(definition);
        const service = await manager.findOne(Service, { where: { code: seed.code } });
        if (!service) {
          await manager.insert(Service, {
            code: seed.code,
            category: seed.category,
            departmentCode: seed.departmentCode,
            name: seed.name,
            nameEn: seed.nameEn,
            keyIssues: seed.keyIssues,
            currentVersion: null,
          });
          await this.insertVersion(manager, seed.code, 1, definition, 'SEED', null);
          await this.markPublished(manager, seed.code, 1, definition, null);
          continue;
        }
        if (service.currentVersion === null) continue;
        const current = await this.findVersion(manager, seed.code, service.currentVersion);
        if (current.source !== 'SEED' || current.contentHash === hash) continue;
        // An admin is editing this service: their draft decides what comes next.
        if (await manager.existsBy(ServiceVersion, { serviceCode: seed.code, status: 'DRAFT' }))
          continue;
        const next = (await this.latestVersion(manager, seed.code)) + 1;
        await this.insertVersion(manager, seed.code, next, definition, 'SEED', null);
        await this.markPublished(manager, seed.code, next, definition, null);
      }
    });
  }

  private async insertVersion(
    manager: EntityManager,
    code: string,
    version: number,
    definition: ServiceDefinition,
    source: 'SEED' | 'ADMIN',
    actor: Actor | null,
  ): Promise<ServiceVersion> {
    await manager.query(
      `INSERT INTO service_versions (service_code, version, status, definition, content_hash, source, created_by)
       VALUES ($1, $2, 'DRAFT', $3, $4, $5, $6)`,
      [code, version, definition, contentHash(definition), source, actor?.id ?? null],
    );
    return this.findVersion(manager, code, version);
  }

  private async latestVersion(manager: EntityManager, code: string): Promise<number> {
    const [{ latest }] = await manager.query(
      `SELECT max(version) AS latest FROM service_versions WHERE service_code = $1`,
      [code],
    );
    return Number(latest ?? 0);
  }

  private async markPublished(
    manager: EntityManager,
    code: string,
    version: number,
    definition: ServiceDefinition,
    actor: Actor | null,
  ): Promise<void> {
    this.currentVersionChanged(manager);
    await manager.update(
      ServiceVersion,
      { serviceCode: code, version },
      { status: 'PUBLISHED', publishedAt: new Date(), publishedBy: actor?.id ?? null },
    );
    await manager.update(
      Service,
      { code },
      {
        currentVersion: version,
        departmentCode: definition.departmentCode,
        name: definition.name,
        nameEn: definition.nameEn,
        keyIssues: definition.keyIssues ?? [],
      },
    );
  }

  private async versionsOf(services: Service[]): Promise<Map<string, ServiceVersion>> {
    services = services.filter((service) => service.currentVersion !== null);
    if (services.length === 0) return new Map();
    const versions = await this.dataSource
      .getRepository(ServiceVersion)
      .createQueryBuilder('version')
      .where(
        '(version.service_code, version.version) IN (SELECT unnest(:codes::text[]), unnest(:versions::int[]))',
        {
          codes: services.map((service) => service.code),
          versions: services.map((service) => service.currentVersion),
        },
      )
      .getMany();
    return new Map(versions.map((version) => [version.serviceCode, version]));
  }

  private async findService(manager: EntityManager, code: string, lock = false): Promise<Service> {
    const service = await manager.findOne(Service, {
      where: { code },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!service) throw DomainError.notFound(`Service ${code}`);
    return service;
  }

  private async findVersion(
    manager: EntityManager,
    code: string,
    version: number,
    lock = false,
  ): Promise<ServiceVersion> {
    const found = await manager.findOne(ServiceVersion, {
      where: { serviceCode: code, version },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw DomainError.notFound(`Version ${version} of service ${code}`);
    return found;
  }
}

/** Drops undefined keys so a partial change only overwrites what it names. */
function toDefinition(input: Partial<ServiceDefinitionInput>): ServiceDefinition {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as unknown as ServiceDefinition;
}
