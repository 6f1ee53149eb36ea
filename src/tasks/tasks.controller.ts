import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import {
  CompleteTaskInput,
  ReassignTaskInput,
  TaskDto,
  TaskListQuery,
  TaskPageDto,
} from './dto/task.dto';
import { CLAIM_WINDOW, TasksService } from './tasks.service';

const uuid = () => new ParseUUIDPipe();

@ApiTags('tasks')
@Roles('OFFICER', 'DEPARTMENT_HEAD')
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary: "Your department's tasks, most urgent first (due date, then id)",
    description:
      "The tasks of the caller's department, ordered by due date and then id; filter by status, SLA state, role, `assignee=me` or (admins) department. Officers and heads see their department's tasks; admins see all.",
  })
  @ApiOkResponse({ type: TaskPageDto })
  @ApiAuthProblems(400)
  listTasks(
    @CurrentPrincipal() principal: UserPrincipal,
    @Query() query: TaskListQuery,
  ): Promise<Page<TaskDto>> {
    return this.tasks.listTasks(principal, query);
  }

  @Post('next')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Claim one of the most urgent open tasks you may act on, atomically; 204 when there is none',
    description:
      `Picks at random among the ${CLAIM_WINDOW} most urgent open tasks (by due date, then id) that no one ` +
      'else is claiming at that moment, so officers claiming at once get distinct tasks without ' +
      `queuing for the same one. When all ${CLAIM_WINDOW} are being claimed, takes the most urgent free one.`,
  })
  @ApiOkResponse({ type: TaskDto })
  @ApiNoContentResponse({ description: 'The queue is empty.' })
  @ApiAuthProblems()
  async claimNextTask(
    @CurrentPrincipal() principal: UserPrincipal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TaskDto | undefined> {
    const task = await this.tasks.claimNextTask(principal);
    if (!task) reply.status(204);
    return task ?? undefined;
  }

  @Get(':id')
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @ApiOperation({
    summary: 'A task with the actions its stage allows',
    description:
      "One task with its application, stage, assignee, due date and `allowedActions`, the actions its stage allows. Another department's task is 404.",
  })
  @ApiOkResponse({ type: TaskDto })
  @ApiAuthProblems(400, 404)
  getTask(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<TaskDto> {
    return this.tasks.getTask(principal, id);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Claim an open task',
    description:
      'Takes an open task of your department so that only you act on it; a task already claimed by someone else is 409. Officers and heads.',
  })
  @ApiOkResponse({ type: TaskDto })
  @ApiAuthProblems(400, 404, 409)
  claimTask(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<TaskDto> {
    return this.tasks.claimTask(principal, id);
  }

  @Post(':id/release')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Give a claimed task back to the queue',
    description:
      "Gives a task you hold back to the department's queue, open for anyone to claim. A task you do not hold is 409.",
  })
  @ApiOkResponse({ type: TaskDto })
  @ApiAuthProblems(400, 404, 409)
  releaseTask(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
  ): Promise<TaskDto> {
    return this.tasks.releaseTask(principal, id);
  }

  @Post(':id/complete')
  @Idempotent()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Act on a task you hold: accept, approve, request supplements, ...',
    description:
      "The action must be one of the task's allowedActions (else 422 with the list). Data by action: " +
      '`request_supplement` { items: [{ kind: material|field, key, reason }] } — at acceptance only one notice is allowed; ' +
      '`record_inspection` { result, findings }; `schedule` { meetingDate }; `record_agreement` { agreementNumber }; ' +
      '`complete` { summary }. Decision stages need a department head.',
  })
  @ApiOkResponse({ type: TaskDto })
  @ApiAuthProblems(400, 404, 409, 422)
  completeTask(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: CompleteTaskInput,
  ): Promise<TaskDto> {
    return this.tasks.completeTask(principal, id, body);
  }

  @Post(':id/reassign')
  @Roles('DEPARTMENT_HEAD')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Hand a task to an officer or head of the department (heads)',
    description:
      'A department head hands a task of their department to one of its active officers or heads (`assigneeId`), who then holds it. A closed task is 409.',
  })
  @ApiOkResponse({ type: TaskDto })
  @ApiAuthProblems(400, 404, 409)
  reassignTask(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('id', uuid()) id: string,
    @Body() body: ReassignTaskInput,
  ): Promise<TaskDto> {
    return this.tasks.reassignTask(principal, id, body.assigneeId);
  }
}
