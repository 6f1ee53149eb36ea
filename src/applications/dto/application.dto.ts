import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page';
import { APPLICATION_STATUSES, ApplicationStatus } from '../../workflow/workflow-engine';

const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'OVERDUE', 'PAUSED'] as const;

export class SupplementItemDto {
  @ApiProperty({ enum: ['material', 'field'], example: 'material' })
  kind: 'material' | 'field';

  @ApiProperty({
    description: 'The material type code or the form field key at fault.',
    example: 'biosafety_lab_certificate',
  })
  key: string;

  @ApiProperty({ example: '备案凭证已过期，请提供有效期内的凭证' })
  reason: string;
}

export class SupplementRequestDto {
  @ApiProperty({
    description: 'The stage that asked; the application returns there once answered.',
    example: 'acceptance',
  })
  stage: string;

  @ApiProperty({ type: [SupplementItemDto] })
  items: SupplementItemDto[];

  @ApiProperty({ format: 'date-time', example: '2026-11-20T03:00:00.000Z' })
  requestedAt: string;

  @ApiProperty({ example: 1 })
  notice: number;
}

export class ClockDto {
  @ApiProperty({ format: 'date-time', example: '2026-12-18T15:59:59.999Z' })
  deadline: string;

  @ApiProperty({ example: 20 })
  workingDaysAllowed: number;

  @ApiProperty({ example: 6 })
  workingDaysUsed: number;

  @ApiProperty({ enum: SLA_STATES, example: 'ON_TRACK' })
  state: string;

  @ApiProperty({
    description: 'Extended once by 10 working days by a department head.',
    example: false,
  })
  extended: boolean;

  @ApiProperty({
    description: 'The deadline counts days of a year without official holiday data.',
    example: false,
  })
  provisional: boolean;
}

export class SlaDto {
  @ApiProperty({
    enum: SLA_STATES,
    description: 'The worse of the two clocks.',
    example: 'ON_TRACK',
  })
  state: string;

  @ApiPropertyOptional({
    type: ClockDto,
    nullable: true,
    description: 'The limit the law sets; null where none applies (filings, value-added services).',
  })
  statutory: ClockDto | null;

  @ApiProperty({ type: ClockDto, description: "The park's promise." })
  promised: ClockDto;
}

export class ApplicationMaterialDto {
  @ApiProperty({ format: 'uuid', example: '2c1b0a9f-8e7d-4c6b-a5f4-e3d2c1b0a9f8' })
  id: string;

  @ApiProperty({ example: 'business_licence' })
  materialType: string;

  @ApiProperty({ example: 'business-licence.pdf' })
  fileName: string;

  @ApiProperty({ enum: ['pdf', 'jpg', 'png', 'docx', 'xlsx', 'zip'], example: 'pdf' })
  format: string;

  @ApiProperty({ example: 482113 })
  sizeBytes: number;

  @ApiProperty({
    type: String,
    example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  })
  sha256: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Set when it came from the material library.',
    example: null,
  })
  libraryMaterialId: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T03:00:00.000Z' })
  attachedAt: string;
}

export class ChildApplicationDto {
  @ApiProperty({ format: 'uuid', example: '4e3d2c1b-0a9f-4e8d-b7c6-a5f4e3d2c1b0' })
  id: string;

  @ApiProperty({ example: 'LAB_ANIMAL_USE' })
  serviceCode: string;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'IN_PROGRESS' })
  status: ApplicationStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'acceptance' })
  stage: string | null;

  @ApiPropertyOptional({
    description: 'The prerequisite service it waits for.',
    example: 'PATHOGEN_LAB_FILING',
  })
  waitingFor?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  outcomeReason: string | null;
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid', example: '0c9b8a7f-6e5d-4c4b-a3f2-e1d0c9b8a7f6' })
  id: string;

  @ApiProperty({ example: 'QT-2026-000123' })
  number: string;

  @ApiProperty({ enum: ['SINGLE', 'BUNDLE', 'CHILD'], example: 'SINGLE' })
  kind: string;

  @ApiProperty({ format: 'uuid', example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' })
  enterpriseId: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SPECIAL_ARTICLE_ENTRY' })
  serviceCode: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'The catalogue version the application is pinned to.',
    example: 1,
  })
  serviceVersion: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  bundleCode: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: null })
  parentId: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The certificate this application renews.',
    example: null,
  })
  renewalOf: string | null;

  @ApiProperty({ enum: APPLICATION_STATUSES, example: 'IN_PROGRESS' })
  status: ApplicationStatus;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'customs_review' })
  stage: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The department handling it now.',
    example: 'CUSTOMS',
  })
  departmentCode: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { 'article.name': 'HEK293 细胞株', 'article.riskClass': 'C' },
  })
  form: Record<string, unknown>;

  @ApiProperty({ type: [ApplicationMaterialDto] })
  materials: ApplicationMaterialDto[];

  @ApiPropertyOptional({ type: SupplementRequestDto, nullable: true })
  supplementRequest: SupplementRequestDto | null;

  @ApiPropertyOptional({ type: SlaDto, nullable: true, description: 'Null until submitted.' })
  sla: SlaDto | null;

  @ApiPropertyOptional({ type: [ChildApplicationDto], description: 'Bundle applications only.' })
  children?: ChildApplicationDto[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Bundle applications that failed: the children that were denied or rejected.',
  })
  failedChildIds?: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Reason of a denial, rejection or withdrawal.',
    example: null,
  })
  outcomeReason: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: null })
  rating: number | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-20T03:00:00.000Z',
  })
  submittedAt: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null })
  finishedAt: string | null;

  @ApiProperty({ example: 4 })
  version: number;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    example: null,
    description:
      'The mandate a proxy (the service centre or a provider) drafted it under; null when the enterprise filed it.',
  })
  mandateId: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-19T08:00:00.000Z' })
  createdAt: string;
}

/** One row of a list: the application without its form, materials and children. */
export class ApplicationSummaryDto extends PickType(ApplicationDto, [
  'id',
  'number',
  'kind',
  'enterpriseId',
  'serviceCode',
  'bundleCode',
  'status',
  'stage',
  'departmentCode',
  'submittedAt',
  'version',
  'createdAt',
] as const) {
  @ApiProperty({ enum: SLA_STATES, example: 'ON_TRACK' })
  slaState: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-18T15:59:59.999Z',
  })
  statutoryDeadline: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-04T15:59:59.999Z',
  })
  promisedDeadline: string | null;
}

export class ApplicationPageDto extends PageOf(ApplicationSummaryDto) {}

export class ChecklistDto {
  @ApiProperty({
    description: 'Nothing is missing: submitting would pass the completeness check.',
    example: false,
  })
  complete: boolean;

  @ApiProperty({ type: [SupplementItemDto], description: 'What is missing or invalid.' })
  items: SupplementItemDto[];

  @ApiProperty({
    type: [String],
    description: 'Material types required for this form under the situation rules.',
    example: ['application_form', 'business_licence'],
  })
  requiredMaterialTypes: string[];
}

export class ApplicationEventDto {
  @ApiProperty({ format: 'uuid', example: '1a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d' })
  id: string;

  @ApiProperty({ example: 'application.stage_changed' })
  type: string;

  @ApiProperty({ enum: ['user', 'api_key', 'system'], example: 'user' })
  actorType: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '0f1e2d3c-4b5a-6978-8f9e-d1c2b3a4f5e6',
  })
  actorId: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { from: 'acceptance', to: 'review', via: 'accept' },
  })
  data: Record<string, unknown>;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T03:00:00.000Z' })
  occurredAt: string;
}
