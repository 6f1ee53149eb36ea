import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { actorOf, departmentOf, Principal, UserPrincipal } from '../common/auth/principal';
import { assertVersion } from '../common/http/versioning';
import { DomainError } from '../common/problem/domain-error';
import { EventsService } from '../events/events.service';
import { SlaService } from '../sla/sla.service';
import { ApplicationReader } from './application-reader.service';
import { Application } from './application.entity';
import { ApplicationDto } from './dto/application.dto';
import { ClockStopInput, RatingInput, ReasonInput } from './dto/application-input.dto';

const RUNNING = ['IN_PROGRESS', 'SUPPLEMENT_REQUIRED', 'APPROVED'];
const RATABLE = ['COMPLETED', 'DENIED', 'REJECTED'];
/** Ratings at or below this open a rectification task for the department. */
const POOR_RATING = 2;

/** What departments do around the workflow: extensions, clock stops; and enterprises' ratings. */
@Injectable()
export class ApplicationOversight {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reader: ApplicationReader,
    private readonly sla: SlaService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** A head of the handling department extends the statutory limit once by 10 working days. */
  async extend(principal: UserPrincipal, id: string, input: ReasonInput): Promise<ApplicationDto> {
    if (principal.role !== 'DEPARTMENT_HEAD')
      throw new DomainError('forbidden', 'Only a department head grants an extension');
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lockHandled(manager, principal, id);
      assertVersion(application.version, { body: input.expectedVersion }, 'Application');
      await this.sla.extend(
        manager,
        application,
        input.reason,
        actorOf(principal),
        this.clock.now(),
      );
    });
    return this.reader.getApplication(principal, id);
  }

  /** An officer stops the clocks for a reason the law excludes (expert review, testing, ...). */
  async stopClock(
    principal: UserPrincipal,
    id: string,
    input: ClockStopInput,
  ): Promise<ApplicationDto> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lockHandled(manager, principal, id);
      if (application.status !== 'IN_PROGRESS')
        throw new DomainError(
          'conflict',
          `The clocks run only while IN_PROGRESS, not ${application.status}`,
        );
      await this.sla.pause(
        manager,
        application,
        input.reasonCode,
        actorOf(principal),
        this.clock.now(),
        input.comment,
      );
    });
    return this.reader.getApplication(principal, id);
  }

  async endClockStop(
    principal: UserPrincipal,
    id: string,
    stopId: string,
  ): Promise<ApplicationDto> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.lockHandled(manager, principal, id);
      const [stop] = await manager.query(
        `SELECT reason_code FROM clock_stops WHERE id = $1 AND application_id = $2 AND ended_at IS NULL`,
        [stopId, id],
      );
      if (!stop) throw DomainError.notFound('Open clock stop');
      if (stop.reason_code === 'SUPPLEMENT')
        throw new DomainError('conflict', "A supplement stop ends with the enterprise's answer");
      await this.sla.resume(manager, application, actorOf(principal), this.clock.now(), stopId);
    });
    return this.reader.getApplication(principal, id);
  }

  /** The enterprise rates a finished application once (好差评); 1-2 opens a rectification task. */
  async rate(principal: Principal, id: string, input: RatingInput): Promise<ApplicationDto> {
    await this.dataSource.transaction(async (manager) => {
      const application = await this.reader.findVisible(manager, principal, id, {
        lock: true,
        write: true,
      });
      if (!RATABLE.includes(application.status))
        throw new DomainError(
          'conflict',
          `Only a finished application can be rated; this one is ${application.status}`,
        );
      if (application.rating !== null)
        throw new DomainError('conflict', 'The application was already rated');
      const now = this.clock.now();
      await manager.query(
        `UPDATE applications SET rating = $2, rating_comment = $3, rated_at = $4, version = version + 1 WHERE id = $1`,
        [id, input.score, input.comment ?? null, now],
      );
      let rectificationTaskId: string | null = null;
      if (input.score <= POOR_RATING) {
        const department =
          application.departmentCode ?? (await this.departmentOfService(application));
        const [task] = await manager.query(
          `INSERT INTO tasks (kind, application_id, department_code, role, status, sla_state, created_at)
           VALUES ('RECTIFICATION', $1, $2, 'OFFICER', 'OPEN', 'ON_TRACK', $3) RETURNING id`,
          [id, department, now],
        );
        rectificationTaskId = task.id;
      }
      await this.events.record(manager, {
        type: 'rating.created',
        subjectType: 'application',
        subjectId: id,
        enterpriseId: application.enterpriseId,
        actor: actorOf(principal),
        data: {
          score: input.score,
          comment: input.comment ?? null,
          serviceCode: application.serviceCode,
          rectificationTaskId,
        },
      });
    });
    return this.reader.getApplication(principal, id);
  }

  /** The application, locked, if the caller's department handles it. */
  private async lockHandled(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
  ): Promise<Application> {
    const application = await this.reader.findVisible(manager, principal, id, { lock: true });
    if (application.departmentCode !== departmentOf(principal)) {
      throw new DomainError(
        'forbidden',
        'Only the department handling the application may do this',
      );
    }
    if (!RUNNING.includes(application.status))
      throw new DomainError('conflict', `The application is ${application.status}`);
    return application;
  }

  private async departmentOfService(application: Application): Promise<string> {
    const [service] = await this.dataSource.query(
      `SELECT department_code FROM services WHERE code = $1`,
      [application.serviceCode],
    );
    return service?.department_code ?? 'PSC';
  }
}
