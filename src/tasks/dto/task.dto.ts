import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { HUMAN_ACTIONS, HumanAction } from '../../workflow/workflow.types';
import { IsCalendarDate } from '../../common/validation/strict-values';
import { NestedArray, NestedObject } from '../../common/validation/nested';

export const TASK_STATUSES = ['OPEN', 'CLAIMED', 'DONE', 'CANCELLED'] as const;

export class TaskDto {
  @ApiProperty({ format: 'uuid', example: '6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d' })
  id: string;

  @ApiProperty({
    enum: ['STAGE', 'RECTIFICATION'],
    description: 'RECTIFICATION follows a poor rating.',
    example: 'STAGE',
  })
  kind: string;

  @ApiProperty({ format: 'uuid', example: '0c9b8a7f-6e5d-4c4b-a3f2-e1d0c9b8a7f6' })
  applicationId: string;

  @ApiProperty({ example: 'QT-2026-000123' })
  applicationNumber: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SPECIAL_ARTICLE_ENTRY' })
  serviceCode: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'customs_review' })
  stage: string | null;

  @ApiProperty({ example: 'CUSTOMS' })
  departmentCode: string;

  @ApiProperty({
    enum: ['OFFICER', 'DEPARTMENT_HEAD'],
    description: 'Who acts; heads may also act on officer tasks.',
    example: 'OFFICER',
  })
  role: string;

  @ApiProperty({ enum: TASK_STATUSES, example: 'CLAIMED' })
  status: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '0f1e2d3c-4b5a-6978-8f9e-d1c2b3a4f5e6',
  })
  assigneeId: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      "When the task is due: its stage's own deadline (acceptance: 5 working days from opening), or the application's promised deadline when that comes first or the stage has no clock of its own. Worklists are ordered by it.",
    example: '2026-12-04T15:59:59.999Z',
  })
  dueAt: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: "The stage's own deadline; null when the stage has no clock of its own.",
    example: '2026-12-02T15:59:59.999Z',
  })
  stageDeadline: string | null;

  @ApiProperty({ description: 'Open and past its due date.', example: false })
  overdue: boolean;

  @ApiProperty({ enum: ['ON_TRACK', 'AT_RISK', 'OVERDUE', 'PAUSED'], example: 'ON_TRACK' })
  slaState: string;

  @ApiProperty({ description: 'Overdue work escalated to the department head.', example: false })
  escalated: boolean;

  @ApiProperty({
    enum: HUMAN_ACTIONS,
    isArray: true,
    example: ['approve', 'deny', 'reject', 'request_supplement'],
  })
  allowedActions: HumanAction[];

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  action: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  comment: string | null;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T03:00:00.000Z' })
  createdAt: string;
}

export class TaskPageDto extends PageOf(TaskDto) {}

export class TaskListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Admins: any department; officers see their own.',
    example: 'CUSTOMS',
  })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,19}$/, { message: 'department must be a department code' })
  department?: string;

  @ApiPropertyOptional({
    enum: TASK_STATUSES,
    description: 'Default: OPEN and CLAIMED.',
    example: 'OPEN',
  })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: string;

  @ApiPropertyOptional({ enum: ['ON_TRACK', 'AT_RISK', 'OVERDUE', 'PAUSED'], example: 'AT_RISK' })
  @IsOptional()
  @IsIn(['ON_TRACK', 'AT_RISK', 'OVERDUE', 'PAUSED'])
  sla?: string;

  @ApiPropertyOptional({
    enum: ['OFFICER', 'DEPARTMENT_HEAD'],
    description: "Only tasks for this role: an officer's queue without the heads' decisions.",
    example: 'OFFICER',
  })
  @IsOptional()
  @IsIn(['OFFICER', 'DEPARTMENT_HEAD'])
  role?: 'OFFICER' | 'DEPARTMENT_HEAD';

  @ApiPropertyOptional({ enum: ['me'], description: 'Only the tasks you hold.', example: 'me' })
  @IsOptional()
  @IsIn(['me'])
  assignee?: 'me';
}

export class SupplementItemInput {
  @ApiProperty({ enum: ['material', 'field'], example: 'material' })
  @IsIn(['material', 'field'])
  kind: 'material' | 'field';

  @ApiProperty({
    description: 'The material type code or form field key.',
    example: 'biosafety_lab_certificate',
  })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  key: string;

  @ApiProperty({ example: '备案凭证已过期，请提供有效期内的凭证' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

/**
 * Structured data of an action. `request_supplement` needs `items`; `record_inspection` a
 * `result`; `schedule` a `meetingDate`; `record_agreement` an `agreementNumber`.
 */
export class TaskActionData {
  @ApiPropertyOptional({
    type: [SupplementItemInput],
    description: 'request_supplement: every item at once.',
  })
  @NestedArray(() => SupplementItemInput, { optional: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  items?: SupplementItemInput[];

  @ApiPropertyOptional({
    enum: ['PASSED', 'PASSED_WITH_REMARKS', 'FAILED'],
    description: 'record_inspection.',
    example: 'PASSED',
  })
  @IsOptional()
  @IsIn(['PASSED', 'PASSED_WITH_REMARKS', 'FAILED'])
  result?: string;

  @ApiPropertyOptional({
    description: 'record_inspection: what the inspectors found.',
    example: '生物安全柜年检合格，人员培训记录齐全',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  findings?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'schedule: the ethics committee meeting.',
    example: '2026-12-10',
  })
  @IsOptional()
  @IsCalendarDate()
  meetingDate?: string;

  @ApiPropertyOptional({
    description: 'record_agreement: the signed agreement number.',
    example: 'CTA-2026-0415',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  agreementNumber?: string;

  @ApiPropertyOptional({
    description: 'complete (value-added): the result handed to the enterprise.',
    example: '已推荐 3 名符合条件的候选人',
  })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  summary?: string;
}

export class CompleteTaskInput {
  @ApiProperty({
    enum: HUMAN_ACTIONS,
    description: "One of the task's allowedActions; another answers 422 listing them.",
    example: 'approve',
  })
  @IsIn(HUMAN_ACTIONS)
  action: HumanAction;

  @ApiPropertyOptional({ example: '材料齐全，符合受理条件' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ type: TaskActionData })
  @NestedObject(() => TaskActionData, { optional: true })
  data?: TaskActionData;

  @ApiPropertyOptional({ description: 'The task version you read; stale → 409.', example: 2 })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ReassignTaskInput {
  @ApiProperty({
    format: 'uuid',
    description: 'An active officer or head of the same department.',
    example: '0f1e2d3c-4b5a-6978-8f9e-d1c2b3a4f5e6',
  })
  @IsUUID()
  assigneeId: string;
}
