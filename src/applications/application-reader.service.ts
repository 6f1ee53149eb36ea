import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import {
  Actor,
  actorOf,
  actsForEnterprise,
  departmentOf,
  isAdmin,
  isStaff,
  Principal,
} from '../common/auth/principal';
import {
  holdsMandate,
  mandateCovers,
  mandateInForce,
  mayHoldMandates,
  parkDay,
} from '../mandates/mandate-holders';
import { MandatesService } from '../mandates/mandates.service';
import type { ClockView } from '../sla/sla';
import { Page, paginateNewestFirst } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { escapeLike } from '../database/escape-like';
import { findRow } from '../database/hydrate';
import { SlaService } from '../sla/sla.service';
import { Application } from './application.entity';
import {
  ApplicationDto,
  ApplicationEventDto,
  ApplicationMaterialDto,
  ApplicationSummaryDto,
  ChildApplicationDto,
  ClockDto,
} from './dto/application.dto';
import { ApplicationListQuery } from './dto/application-input.dto';

export interface MaterialRow {
  id: string;
  application_id: string;
  material_type: string;
  sha256: string;
  file_name: string;
  library_material_id: string | null;
  created_at: Date;
  size_bytes: string;
  format: string;
  media_type: string;
}

/**
 * Who may see an application, and what they see. Enterprise users and bound integrators see
 * their own; officers those routed to their department; admins all; a provider's or hospital's
 * users what was handed or offered to them. Anyone else gets 404.
 */
@Injectable()
export class ApplicationReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sla: SlaService,
    private readonly mandates: MandatesService,
    private readonly clock: Clock,
  ) {}

  async findVisible(
    manager: EntityManager,
    principal: Principal,
    id: string,
    options: { lock?: boolean; write?: boolean } = {},
  ): Promise<Application> {
    const application = await findRow(manager, Application, id, { lock: options.lock });
    if (!application || !(await this.mayRead(manager, principal, application)))
      throw DomainError.notFound('Application');
    if (options.write && !actsForEnterprise(principal, application.enterpriseId)) {
      throw new DomainError(
        'forbidden',
        'Only the enterprise that filed it may change this application',
      );
    }
    return application;
  }

  /**
   * The application the caller may change, and the actor its acts are recorded as: the
   * enterprise (or a bound integrator) itself, or the holder of a mandate in force for it, checked
   * in the caller's transaction (share-locked with `lock`, so a revocation waits for the act).
   * `submit`: the act needs the mandate's right to submit.
   */
  async findWritable(
    manager: EntityManager,
    principal: Principal,
    id: string,
    options: { lock?: boolean; act: 'prepare' | 'submit' },
  ): Promise<{ application: Application; actor: Actor }> {
    if (principal.kind === 'user' && !principal.enterpriseId && !mayHoldMandates(principal))
      throw new DomainError(
        'forbidden',
        'Only the enterprise and the holders of its mandates change its applications',
      );
    const application = await findRow(manager, Application, id, { lock: options.lock });
    if (!application) throw DomainError.notFound('Application');
    if (actsForEnterprise(principal, application.enterpriseId))
      return { application, actor: actorOf(principal) };
    const mandate = await this.mandates.inForce(
      manager,
      principal,
      application.enterpriseId,
      application.serviceCode,
      { lock: options.lock },
    );
    if (!mandate) {
      await this.findVisible(manager, principal, id, { write: true });
      throw DomainError.notFound('Application');
    }
    if (options.act === 'submit' && !mandate.canSubmit)
      throw new DomainError(
        'forbidden',
        'Your mandate lets you prepare this application, not submit it: the enterprise submits',
      );
    return {
      application,
      actor: {
        ...actorOf(principal),
        mandate: { id: mandate.id, enterpriseId: application.enterpriseId },
      },
    };
  }

  async getApplication(principal: Principal, id: string): Promise<ApplicationDto> {
    const application = await this.findVisible(this.dataSource.manager, principal, id);
    return this.toDto(application);
  }

  /** `materials`: the current ones, when the caller has them already. */
  async toDto(application: Application, materials?: MaterialRow[]): Promise<ApplicationDto> {
    const [current, sla, children] = await Promise.all([
      materials ?? this.currentMaterials(this.dataSource.manager, [application.id]),
      this.sla.view(application, this.clock.now()),
      application.kind === 'BUNDLE'
        ? this.dataSource
            .getRepository(Application)
            .find({ where: { parentId: application.id }, order: { createdAt: 'ASC', id: 'ASC' } })
        : Promise.resolve(undefined),
    ]);
    const failed =
      children?.filter((child) => child.status === 'DENIED' || child.status === 'REJECTED') ?? [];
    return {
      id: application.id,
      number: application.number,
      kind: application.kind,
      enterpriseId: application.enterpriseId,
      serviceCode: application.serviceCode,
      serviceVersion: application.serviceVersion,
      bundleCode: application.bundleCode,
      parentId: application.parentId,
      renewalOf: application.renewalOf,
      status: application.status,
      stage: application.stage,
      departmentCode: application.departmentCode,
      form: application.form,
      materials: current.map(materialDtoOf),
      supplementRequest: application.supplementRequest,
      sla: sla && {
        state: sla.state,
        statutory: sla.statutory && clockDtoOf(sla.statutory),
        promised: clockDtoOf(sla.promised),
      },
      ...(children
        ? {
            children: children.map((child): ChildApplicationDto => ({
              id: child.id,
              serviceCode: child.serviceCode!,
              status: child.status,
              stage: child.stage,
              ...(child.waitingFor ? { waitingFor: child.waitingFor } : {}),
              outcomeReason: child.outcomeReason,
            })),
            failedChildIds: failed.map((child) => child.id),
          }
        : {}),
      outcomeReason: application.outcomeReason,
      rating: application.rating,
      submittedAt: application.submittedAt?.toISOString() ?? null,
      finishedAt: application.finishedAt?.toISOString() ?? null,
      version: application.version,
      mandateId: application.mandateId,
      createdAt: application.createdAt.toISOString(),
    };
  }

  async listApplications(
    principal: Principal,
    query: ApplicationListQuery,
  ): Promise<Page<ApplicationSummaryDto>> {
    const applications = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('application');
    if (principal.kind === 'api_key') {
      applications.andWhere('application.enterprise_id = ANY(:bound)', {
        bound: principal.enterpriseIds,
      });
    } else if (principal.enterpriseId) {
      applications.andWhere('application.enterprise_id = :own', { own: principal.enterpriseId });
    } else if (mayHoldMandates(principal)) {
      // Their department's, and those within the mandates they hold.
      applications.andWhere(
        `(application.department_code = :own OR EXISTS (SELECT 1 FROM mandates m
           WHERE m.enterprise_id = application.enterprise_id
             AND ${holdsMandate(':holder')}
             AND ${mandateInForce(':today')} AND ${mandateCovers('application.service_code')}))`,
        {
          own: departmentOf(principal),
          holder: principal.id,
          today: parkDay(this.clock.now()),
        },
      );
    } else if (!isAdmin(principal)) {
      applications.andWhere('application.department_code = :own', { own: departmentOf(principal) });
    }
    if (query.enterprise)
      applications.andWhere('application.enterprise_id = :enterprise', {
        enterprise: query.enterprise,
      });
    if (query.status)
      applications.andWhere('application.status = :status', { status: query.status });
    if (query.service)
      applications.andWhere('application.service_code = :service', { service: query.service });
    if (query.stage) applications.andWhere('application.stage = :stage', { stage: query.stage });
    if (query.department)
      applications.andWhere('application.department_code = :department', {
        department: query.department,
      });
    if (query.sla) {
      applications.andWhere(
        `application.sla_state = :sla AND application.status IN ('IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED')`,
        {
          sla: query.sla,
        },
      );
    }
    if (query.from) applications.andWhere('application.created_at >= :from', { from: query.from });
    if (query.to) applications.andWhere('application.created_at < :to', { to: query.to });
    if (query.q) {
      applications.andWhere(
        `(application.number ILIKE :prefix OR application.enterprise_id IN (
           SELECT e.id FROM enterprises e WHERE e.name ILIKE :contains OR e.credit_code = :code))`,
        {
          prefix: `${escapeLike(query.q)}%`,
          contains: `%${escapeLike(query.q)}%`,
          code: query.q.toUpperCase(),
        },
      );
    }
    const page = await paginateNewestFirst(applications, query);
    return {
      data: page.data.map((application) => ({
        id: application.id,
        number: application.number,
        kind: application.kind,
        enterpriseId: application.enterpriseId,
        serviceCode: application.serviceCode,
        bundleCode: application.bundleCode,
        status: application.status,
        stage: application.stage,
        departmentCode: application.departmentCode,
        slaState: application.slaState,
        statutoryDeadline: application.statutoryDeadline?.toISOString() ?? null,
        promisedDeadline: application.promisedDeadline?.toISOString() ?? null,
        submittedAt: application.submittedAt?.toISOString() ?? null,
        version: application.version,
        createdAt: application.createdAt.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** The full timeline, oldest first; the events table is append-only. */
  async listEvents(principal: Principal, id: string): Promise<ApplicationEventDto[]> {
    const application = await this.findVisible(this.dataSource.manager, principal, id);
    const rows: {
      id: string;
      type: string;
      actor_type: string;
      actor_id: string | null;
      data: Record<string, unknown>;
      occurred_at: Date;
    }[] = await this.dataSource.query(
      `SELECT id, type, actor_type, actor_id, data, occurred_at FROM events WHERE subject_id = $1 ORDER BY seq`,
      [application.id],
    );
    return rows.map((row) => ({
      id: row.id,
      type: row.type,
      actorType: row.actor_type,
      actorId: row.actor_id,
      data: row.data,
      occurredAt: row.occurred_at.toISOString(),
    }));
  }

  currentMaterials(manager: EntityManager, applicationIds: string[]): Promise<MaterialRow[]> {
    return manager.query(
      `SELECT m.*, f.size_bytes, f.format, f.media_type FROM application_materials m JOIN stored_files f ON f.sha256 = m.sha256
       WHERE m.application_id = ANY($1) AND m.superseded_at IS NULL ORDER BY m.created_at, m.id`,
      [applicationIds],
    );
  }

  private async mayRead(
    manager: EntityManager,
    principal: Principal,
    application: Application,
  ): Promise<boolean> {
    if (actsForEnterprise(principal, application.enterpriseId)) return true;
    if (
      mayHoldMandates(principal) &&
      (await this.mandates.inForce(
        manager,
        principal,
        application.enterpriseId,
        application.serviceCode,
      ))
    )
      return true;
    if (principal.kind === 'user' && (principal.providerId || principal.institutionId)) {
      // What was handed to the caller's provider or offered to its hospital, and not declined.
      const [related] = await manager.query(
        `SELECT 1 FROM provider_handovers WHERE application_id = $1 AND provider_id = $2 AND status <> 'DECLINED'
         UNION ALL
         SELECT 1 FROM institution_dockings WHERE application_id = $1 AND institution_id = $3 AND status <> 'DECLINED'
         LIMIT 1`,
        [application.id, principal.providerId, principal.institutionId],
      );
      return Boolean(related);
    }
    if (!isStaff(principal)) return false;
    if (isAdmin(principal) || application.departmentCode === departmentOf(principal)) return true;
    const [handled] = await manager.query(
      `SELECT 1 FROM tasks WHERE application_id = $1 AND department_code = $2 LIMIT 1`,
      [application.id, departmentOf(principal)],
    );
    return Boolean(handled);
  }
}

function clockDtoOf(clock: ClockView): ClockDto {
  return {
    deadline: clock.deadline.toISOString(),
    workingDaysAllowed: clock.workingDaysAllowed,
    workingDaysUsed: clock.workingDaysUsed,
    state: clock.state,
    extended: clock.extended,
    provisional: clock.provisional,
  };
}

function materialDtoOf(row: MaterialRow): ApplicationMaterialDto {
  return {
    id: row.id,
    materialType: row.material_type,
    fileName: row.file_name,
    format: row.format,
    sizeBytes: Number(row.size_bytes),
    sha256: row.sha256,
    libraryMaterialId: row.library_material_id,
    attachedAt: row.created_at.toISOString(),
  };
}
