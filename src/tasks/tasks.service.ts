import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationWorkflow } from '../applications/application-workflow.service';
import { Application } from '../applications/application.entity';
import {
  acceptCurrentMatch,
  declineCurrentMatch,
  HOSPITAL_REVIEW_STAGE,
} from '../applications/institution-match';
import { CatalogueService } from '../catalogue/catalogue.service';
import { Clock } from '../common/clock/clock';
import { actorOf, departmentOf, isAdmin, UserPrincipal } from '../common/auth/principal';
import { Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { AppConfig } from '../config/app-config';
import { EventsService } from '../events/events.service';
import { actedAsProxy } from '../mandates/mandate-holders';
import { allowedActionsAt } from '../workflow/workflow-engine';
import { HumanAction } from '../workflow/workflow.types';
import { CompleteTaskInput, TaskDto, TaskListQuery } from './dto/task.dto';
import { updateReturning } from '../database/update-returning';

interface TaskRow {
  id: string;
  kind: string;
  application_id: string;
  stage: string | null;
  department_code: string;
  role: 'OFFICER' | 'DEPARTMENT_HEAD';
  status: string;
  assignee_id: string | null;
  claimed_at: Date | null;
  due_at: Date | null;
  stage_deadline: Date | null;
  sla_state: string;
  escalated_at: Date | null;
  action: string | null;
  comment: string | null;
  version: number;
  created_at: Date;
  number: string;
  service_code: string | null;
  service_version: number | null;
  enterprise_id: string;
}

/** What a task's response and events need from its application, joined as `a`. */
const APPLICATION_COLUMNS = 'a.number, a.service_code, a.service_version, a.enterprise_id';
const TASK_SELECT = `SELECT t.*, ${APPLICATION_COLUMNS} FROM tasks t JOIN applications a ON a.id = t.application_id`;
// Tasks without a deadline sort last; the cursor stores this stand-in for them.
const NO_DEADLINE = '9999-12-31T00:00:00.000Z';
const URGENCY = `COALESCE(due_at, '${NO_DEADLINE}')`;
/**
 * How many of the most urgent open tasks a claim picks from at random. Claimers taking the
 * head of the queue in strict order would all try the same rows and skip each other's; a
 * window a little wider than the officers claiming at once spreads them over distinct rows.
 */
export const CLAIM_WINDOW = 16;

/** Which roles' tasks a person may act on: heads may act on their officers' tasks too. */
const actingRoles = (principal: UserPrincipal) =>
  principal.role === 'DEPARTMENT_HEAD'
    ? ['OFFICER', 'DEPARTMENT_HEAD']
    : principal.role === 'OFFICER'
      ? ['OFFICER']
      : [];

/**
 * Officers' queues: a task per human stage, for the department and role the stage names.
 * Claiming is atomic (the next one with FOR UPDATE SKIP LOCKED); completing applies the
 * chosen action to the application's workflow in the same transaction.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly workflow: ApplicationWorkflow,
    private readonly catalogue: CatalogueService,
    private readonly events: EventsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** A department's tasks, most urgent first (by due date, then id). */
  async listTasks(principal: UserPrincipal, query: TaskListQuery): Promise<Page<TaskDto>> {
    const department = isAdmin(principal) ? (query.department ?? null) : departmentOf(principal);
    if (!isAdmin(principal) && query.department && query.department !== department) {
      throw new DomainError('forbidden', 'Officers see the tasks of their own department');
    }
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (department) add('t.department_code = ?', department);
    if (query.status) add('t.status = ?', query.status);
    else conditions.push(`t.status IN ('OPEN', 'CLAIMED')`);
    if (query.sla) add('t.sla_state = ?', query.sla);
    if (query.assignee === 'me') add('t.assignee_id = ?', principal.id);
    if (query.role) add('t.role = ?', query.role);
    if (query.cursor) {
      const position = decodeTaskCursor(query.cursor);
      parameters.push(position.d, position.i);
      conditions.push(
        `(COALESCE(t.due_at, '${NO_DEADLINE}'), t.id) > ($${parameters.length - 1}::timestamptz, $${parameters.length}::uuid)`,
      );
    }
    parameters.push(query.limit + 1);
    const rows: TaskRow[] = await this.dataSource.query(
      `${TASK_SELECT} WHERE ${conditions.join(' AND ')}
       ORDER BY COALESCE(t.due_at, '${NO_DEADLINE}'), t.id LIMIT $${parameters.length}`,
      parameters,
    );
    const data = rows.slice(0, query.limit);
    const last = data[data.length - 1];
    return {
      data: await Promise.all(data.map((row) => this.toDto(row))),
      nextCursor:
        rows.length > query.limit && last
          ? Buffer.from(
              JSON.stringify({
                d: (last.due_at ?? new Date(NO_DEADLINE)).toISOString(),
                i: last.id,
              }),
            ).toString('base64url')
          : null,
    };
  }

  async getTask(principal: UserPrincipal, id: string): Promise<TaskDto> {
    return this.toDto(await this.findVisible(this.dataSource.manager, principal, id));
  }

  /**
   * Claims one of the CLAIM_WINDOW most urgent open tasks the caller may act on, at random among
   * those no one else is claiming at that moment; when all of them are being claimed, the most
   * urgent free one. Null when the queue is empty.
   */
  async claimNextTask(principal: UserPrincipal): Promise<TaskDto | null> {
    const department = departmentOf(principal);
    if (!department)
      throw new DomainError('forbidden', 'Only officers and heads of a department work a queue');
    const now = this.clock.now();
    // Never an application the caller prepared as a proxy for the enterprise.
    const open = `department_code = $3 AND status = 'OPEN' AND role = ANY($4)
      AND NOT ${actedAsProxy('tasks.application_id', '$1::uuid')}`;
    // The claim and its event commit together. The window is read without locks; the random
    // pick locks one row of it, skipping rows other claims hold. The fallback runs only when
    // the pick finds none (a CTE is evaluated only as far as its reader asks).
    const task = await this.dataSource.transaction(async (manager) => {
      const [claimed]: TaskRow[] = await manager.query(
        `WITH claim_window AS (
           SELECT id FROM tasks WHERE ${open} ORDER BY ${URGENCY}, id LIMIT ${CLAIM_WINDOW}
         ), free_in_window AS MATERIALIZED (
           SELECT id FROM tasks WHERE id IN (SELECT id FROM claim_window) AND status = 'OPEN'
           ORDER BY random() LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
         ), first_free AS MATERIALIZED (
           SELECT id FROM tasks WHERE ${open} ORDER BY ${URGENCY}, id LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED
         ), chosen AS (
           SELECT id FROM free_in_window UNION ALL SELECT id FROM first_free LIMIT 1
         ), claimed AS (
           UPDATE tasks t SET status = 'CLAIMED', assignee_id = $1, claimed_at = $2, version = t.version + 1
           FROM chosen WHERE t.id = chosen.id RETURNING t.*
         )
         SELECT t.*, ${APPLICATION_COLUMNS} FROM claimed t JOIN applications a ON a.id = t.application_id`,
        [principal.id, now, department, actingRoles(principal)],
      );
      if (claimed)
        await this.recordTaskEvent(manager, 'task.claimed', claimed, principal, {
          taskId: claimed.id,
        });
      return claimed;
    });
    return task ? this.toDto(task) : null;
  }

  async claimTask(principal: UserPrincipal, id: string): Promise<TaskDto> {
    await this.dataSource.transaction(async (manager) => {
      const task = await this.findVisible(manager, principal, id, true);
      this.assertMayAct(principal, task);
      if (task.status !== 'OPEN') throw new DomainError('conflict', `The task is ${task.status}`);
      await this.assertNotPreparedByCaller(manager, principal, task);
      await manager.query(
        `UPDATE tasks SET status = 'CLAIMED', assignee_id = $2, claimed_at = $3, version = version + 1 WHERE id = $1`,
        [id, principal.id, this.clock.now()],
      );
      await this.recordTaskEvent(manager, 'task.claimed', task, principal, { taskId: id });
    });
    return this.getTask(principal, id);
  }

  /** The holder of the claim, or a head of the department, gives the task back to the queue. */
  async releaseTask(principal: UserPrincipal, id: string): Promise<TaskDto> {
    const task = await this.dataSource.transaction(async (manager) => {
      const [released]: TaskRow[] = await manager.query(
        `WITH released AS (
           UPDATE tasks SET status = 'OPEN', assignee_id = NULL, claimed_at = NULL, version = version + 1
           WHERE id = $1 AND department_code = $2 AND status = 'CLAIMED' AND (assignee_id = $3 OR $4)
           RETURNING *
         )
         SELECT t.*, ${APPLICATION_COLUMNS} FROM released t JOIN applications a ON a.id = t.application_id`,
        [id, departmentOf(principal), principal.id, principal.role === 'DEPARTMENT_HEAD'],
      );
      if (!released) {
        // Nothing released: say why.
        const { status } = await this.findVisible(manager, principal, id);
        if (status !== 'CLAIMED') throw new DomainError('conflict', `The task is ${status}`);
        throw new DomainError(
          'conflict',
          'Only the holder of the claim (or a head) may release it',
        );
      }
      await this.recordTaskEvent(manager, 'task.released', released, principal, {
        taskId: id,
      });
      return released;
    });
    return this.toDto(task);
  }

  /** A head hands a task of the department to one of its officers or heads. */
  async reassignTask(principal: UserPrincipal, id: string, assigneeId: string): Promise<TaskDto> {
    if (principal.role !== 'DEPARTMENT_HEAD')
      throw new DomainError('forbidden', 'Only department heads reassign tasks');
    await this.dataSource.transaction(async (manager) => {
      const task = await this.findVisible(manager, principal, id, true);
      if (task.status !== 'OPEN' && task.status !== 'CLAIMED')
        throw new DomainError('conflict', `The task is ${task.status}`);
      const [assignee] = await manager.query(
        `SELECT role FROM users WHERE id = $1 AND active AND department_code = $2 AND role IN ('OFFICER', 'DEPARTMENT_HEAD')`,
        [assigneeId, task.department_code],
      );
      if (!assignee)
        throw DomainError.invalidField(
          'assigneeId',
          'is not an active officer or head of this department',
        );
      if (task.role === 'DEPARTMENT_HEAD' && assignee.role !== 'DEPARTMENT_HEAD') {
        throw DomainError.invalidField('assigneeId', 'this decision needs a department head');
      }
      await manager.query(
        `UPDATE tasks SET status = 'CLAIMED', assignee_id = $2, claimed_at = $3, version = version + 1 WHERE id = $1`,
        [id, assigneeId, this.clock.now()],
      );
      await this.recordTaskEvent(manager, 'task.reassigned', task, principal, {
        taskId: id,
        from: task.assignee_id,
        to: assigneeId,
      });
    });
    return this.getTask(principal, id);
  }

  /**
   * The claim holder acts: the action must be one the stage allows (else 422 with the list);
   * the task closes and the application moves, both or neither.
   */
  async completeTask(
    principal: UserPrincipal,
    id: string,
    input: CompleteTaskInput,
  ): Promise<TaskDto> {
    await this.dataSource.transaction(async (manager) => {
      // Application first, then task: the order every path that touches both takes.
      const { application_id: applicationId } = await this.findVisible(manager, principal, id);
      const application = (await this.workflow.lock(manager, applicationId))!;
      const task = await this.findVisible(manager, principal, id, true);
      this.assertMayAct(principal, task);
      await this.assertNotPreparedByCaller(manager, principal, task);
      if (task.status !== 'CLAIMED' || task.assignee_id !== principal.id) {
        throw new DomainError(
          'conflict',
          'Claim the task before completing it; only the holder of the claim may complete it',
        );
      }
      if (input.expectedVersion !== undefined && input.expectedVersion !== task.version) {
        throw new DomainError(
          'version-conflict',
          `The task is at version ${task.version}, not ${input.expectedVersion}`,
        );
      }
      await manager.query(
        `UPDATE tasks SET status = 'DONE', action = $2, comment = $3, data = $4, completed_by = $5, completed_at = $6,
           version = version + 1 WHERE id = $1`,
        [
          id,
          input.action,
          input.comment ?? null,
          input.data ?? null,
          principal.id,
          this.clock.now(),
        ],
      );
      // Closed first: the transition may open the next stage's task for the same application.
      const now = this.clock.now();
      if (task.kind === 'RECTIFICATION') {
        if (input.action !== 'complete') {
          throw new DomainError('unprocessable', `A rectification task allows only "complete"`, {
            allowedActions: ['complete'],
          });
        }
      } else {
        await this.applyToWorkflow(manager, principal, task, application, input, now);
      }
      await this.recordTaskEvent(manager, 'task.completed', task, principal, {
        taskId: id,
        stage: task.stage,
        action: input.action,
        comment: input.comment ?? null,
        data: input.data ?? null,
      });
    });
    return this.getTask(principal, id);
  }

  /** Claims idle past the configured time go back to the queue. */
  async releaseIdleClaims(now: Date): Promise<number> {
    const released = await updateReturning<{ id: string }>(
      this.dataSource,
      `UPDATE tasks SET status = 'OPEN', assignee_id = NULL, claimed_at = NULL, version = version + 1
       WHERE status = 'CLAIMED' AND claimed_at < $1::timestamptz - make_interval(mins => $2) RETURNING id`,
      [now, this.config.CLAIM_IDLE_MINUTES],
    );
    return released.length;
  }

  private async applyToWorkflow(
    manager: EntityManager,
    principal: UserPrincipal,
    task: TaskRow,
    application: Application,
    input: CompleteTaskInput,
    now: Date,
  ): Promise<void> {
    if (application.stage !== task.stage)
      throw new DomainError('conflict', "The application has moved on from this task's stage");
    if (input.action === 'request_supplement' && !input.data?.items?.length) {
      throw DomainError.invalidField(
        'data.items',
        'list every material or field to supplement, with a reason',
      );
    }
    if (input.action === 'record_inspection' && !input.data?.result)
      throw DomainError.invalidField('data.result', 'is required');
    if (task.stage === HOSPITAL_REVIEW_STAGE && input.action === 'decline')
      await declineCurrentMatch(
        manager,
        application,
        principal.id,
        input.comment ?? input.action,
        now,
      );
    if (task.stage === HOSPITAL_REVIEW_STAGE && input.action === 'accept')
      await acceptCurrentMatch(manager, application, principal.id, now);
    const outcomeReason = ['deny', 'reject', 'decline'].includes(input.action)
      ? (input.comment ?? input.action)
      : undefined;
    await this.workflow.transition(
      manager,
      application,
      {
        kind: 'human',
        stage: task.stage!,
        action: input.action,
        actorRole: principal.role as 'OFFICER' | 'DEPARTMENT_HEAD',
      },
      {
        actor: actorOf(principal),
        now,
        eventData: { taskId: task.id, comment: input.comment ?? null, data: input.data ?? null },
        supplementRequest: input.data?.items ? { items: input.data.items } : undefined,
        outcomeReason,
      },
    );
  }

  private assertMayAct(principal: UserPrincipal, task: TaskRow): void {
    if (!actingRoles(principal).includes(task.role)) {
      throw new DomainError(
        'forbidden',
        `This task needs a ${task.role === 'DEPARTMENT_HEAD' ? 'department head' : 'officer'}`,
      );
    }
  }

  /** An officer who prepared the application as a proxy for the enterprise never processes it. */
  private async assertNotPreparedByCaller(
    manager: EntityManager,
    principal: UserPrincipal,
    task: TaskRow,
  ): Promise<void> {
    const [{ prepared }] = await manager.query(
      `SELECT ${actedAsProxy('$1::uuid', '$2::uuid')} AS prepared`,
      [task.application_id, principal.id],
    );
    if (prepared)
      throw new DomainError(
        'forbidden',
        'You prepared this application as a proxy for the enterprise; another officer must process it',
      );
  }

  /** Tasks of another department answer 404; admins see all but act on none. */
  private async findVisible(
    manager: EntityManager,
    principal: UserPrincipal,
    id: string,
    lock = false,
  ): Promise<TaskRow> {
    const [task]: TaskRow[] = await manager.query(
      `${TASK_SELECT} WHERE t.id = $1 ${lock ? 'FOR UPDATE OF t' : ''}`,
      [id],
    );
    if (!task || (!isAdmin(principal) && task.department_code !== departmentOf(principal)))
      throw DomainError.notFound('Task');
    return task;
  }

  private async toDto(row: TaskRow): Promise<TaskDto> {
    let allowedActions: HumanAction[] = [];
    if (row.kind === 'RECTIFICATION') allowedActions = ['complete'];
    else if (
      row.stage &&
      row.service_code &&
      row.service_version &&
      (row.status === 'OPEN' || row.status === 'CLAIMED')
    ) {
      const definition = await this.catalogue.publishedDefinition(
        row.service_code,
        row.service_version,
      );
      allowedActions = allowedActionsAt(definition.workflow, row.stage);
    }
    return {
      id: row.id,
      kind: row.kind,
      applicationId: row.application_id,
      applicationNumber: row.number,
      serviceCode: row.service_code,
      stage: row.stage,
      departmentCode: row.department_code,
      role: row.role,
      status: row.status,
      assigneeId: row.assignee_id,
      dueAt: row.due_at?.toISOString() ?? null,
      stageDeadline: row.stage_deadline?.toISOString() ?? null,
      overdue:
        (row.status === 'OPEN' || row.status === 'CLAIMED') &&
        row.due_at !== null &&
        row.due_at < this.clock.now(),
      slaState: row.sla_state,
      escalated: row.escalated_at !== null,
      allowedActions,
      action: row.action,
      comment: row.comment,
      version: row.version,
      createdAt: row.created_at.toISOString(),
    };
  }

  private recordTaskEvent(
    manager: EntityManager,
    type: 'task.claimed' | 'task.released' | 'task.completed' | 'task.reassigned',
    task: Pick<TaskRow, 'application_id' | 'enterprise_id'>,
    principal: UserPrincipal,
    data: Record<string, unknown>,
  ): Promise<string> {
    return this.events.record(manager, {
      type,
      subjectType: 'application',
      subjectId: task.application_id,
      enterpriseId: task.enterprise_id,
      actor: actorOf(principal),
      data,
    });
  }
}

function decodeTaskCursor(cursor: string): { d: string; i: string } {
  try {
    const position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof position.d === 'string' &&
      !Number.isNaN(Date.parse(position.d)) &&
      /^[0-9a-f-]{36}$/i.test(position.i)
    ) {
      return position;
    }
  } catch {
    // reported below
  }
  throw DomainError.invalidField('cursor', 'is not a cursor this API issued');
}
