import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page';
import type { FileFormat } from '../data/catalogue-seed.types';
import { KEY_ISSUES } from '../service-definition';
import type { KeyIssue, ServiceCategory, ServiceDefinition } from '../service-definition';
import type { Service } from '../service.entity';
import type { ServiceVersion, ServiceVersionStatus } from '../service-version.entity';
import type { WorkflowDefinition } from '../../workflow/workflow.types';

export const FILE_FORMATS: readonly FileFormat[] = ['pdf', 'jpg', 'png', 'docx', 'xlsx', 'zip'];

export class MaterialTypeDto {
  @ApiProperty({ example: 'biosafety_lab_certificate' })
  code: string;

  @ApiProperty({ example: '实验室生物安全备案凭证' })
  name: string;

  @ApiProperty({ example: 'Laboratory biosafety filing certificate' })
  nameEn: string;

  @ApiProperty({ description: 'Required in every situation.', example: false })
  required: boolean;

  @ApiPropertyOptional({
    description:
      'Situation rule (情形): a JSON Schema the form must match for this material to become required.',
    type: 'object',
    additionalProperties: true,
    example: {
      type: 'object',
      required: ['article.riskClass'],
      properties: { 'article.riskClass': { enum: ['A', 'B'] } },
    },
  })
  requiredWhen?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: "Where the situation rule comes from: law and article, or the park's own rule.",
    example: '《出入境特殊物品卫生检疫管理规定》：A、B 级高风险特殊物品须有相应生物安全等级实验室',
  })
  requiredWhenBasis?: string;

  @ApiProperty({ enum: FILE_FORMATS, isArray: true, example: ['pdf', 'jpg'] })
  formats: FileFormat[];

  @ApiProperty({ example: 20971520 })
  maxBytes: number;

  @ApiProperty({ description: "The enterprise's material library can supply it.", example: true })
  fromLibrary: boolean;
}

export class CertificateSpecDto {
  @ApiProperty({ example: '出入境特殊物品卫生检疫审批单' })
  titleZh: string;

  @ApiProperty({ example: 'Entry health quarantine approval of special articles' })
  titleEn: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Months of validity; null means it does not expire.',
    example: 6,
  })
  validityMonths: number | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Validity that follows a fact the workflow learned (the risk class); validityMonths applies otherwise.',
    example: { fact: 'riskClass', months: { A: 3, B: 6, C: 12, D: 12 } },
  })
  validityByFact?: { fact: string; months: Record<string, number> };

  @ApiPropertyOptional({
    description: 'Where the validity comes from: law and article, or the park’s own rule.',
    example:
      '《出入境特殊物品卫生检疫管理规定》：含高致病性病原微生物的3个月，含其他病原微生物的6个月，其他12个月',
  })
  validityBasis?: string;

  @ApiPropertyOptional({
    description: 'Material type the certificate becomes in the enterprise library.',
    example: 'biosafety_lab_certificate',
  })
  materialCode?: string;
}

const WORKFLOW_EXAMPLE = {
  archetype: 'VALUE_ADDED',
  initialStage: 'routing',
  stages: [
    {
      code: 'routing',
      name: '分派',
      nameEn: 'Routing',
      kind: 'AUTOMATED',
      handler: 'routing',
      outcomes: { routed: 'handling' },
    },
    {
      code: 'handling',
      name: '办理',
      nameEn: 'Handling',
      kind: 'HUMAN',
      role: 'OFFICER',
      actions: { complete: 'confirmation', decline: 'REJECTED', request_supplement: 'SUPPLEMENT' },
    },
    {
      code: 'confirmation',
      name: '企业确认',
      nameEn: 'Enterprise confirmation',
      kind: 'WAIT',
      events: { confirm: 'COMPLETED' },
      autoConfirmAfterWorkingDays: 5,
    },
  ],
};

const FORM_EXAMPLE = {
  type: 'object',
  additionalProperties: false,
  required: ['project.name', 'contact.phone'],
  properties: {
    'project.name': {
      type: 'string',
      title: '项目名称',
      titleEn: 'Project name',
      minLength: 2,
      maxLength: 100,
      examples: ['PKL-201 CAR-T'],
    },
    'contact.phone': {
      type: 'string',
      title: '联系电话',
      titleEn: 'Contact phone',
      pattern: '^1[3-9]\\d{9}$',
      examples: ['13912345678'],
    },
  },
};

export class IntakeWindowDto {
  @ApiProperty({ example: '2027年第一批' })
  name: string;

  @ApiProperty({ format: 'date', example: '2027-04-01' })
  opensOn: string;

  @ApiProperty({ format: 'date', example: '2027-05-31' })
  closesOn: string;
}

export class ServiceDefinitionDto {
  @ApiProperty({ example: '入境特殊物品卫生检疫审批' })
  name: string;

  @ApiProperty({ example: 'Entry health-quarantine approval of special articles' })
  nameEn: string;

  @ApiProperty({ example: 'CUSTOMS' })
  departmentCode: string;

  @ApiProperty({ example: '《中华人民共和国国境卫生检疫法》；《出入境特殊物品卫生检疫管理规定》' })
  legalBasis: string;

  @ApiProperty({ description: "The park's promise, in working days from submission.", example: 10 })
  promisedWorkingDays: number;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'The statutory limit, in working days from submission; null where none applies (filings, value-added and national services).',
    example: 20,
  })
  statutoryWorkingDays: number | null;

  @ApiPropertyOptional({
    description: "Where the limits come from: the law's article, and the park's promise.",
    example: '《中华人民共和国行政许可法》第四十二条、第八十二条；园区“一件事一次办”服务承诺时限',
  })
  timeLimitBasis?: string;

  @ApiPropertyOptional({
    description:
      'Who decides when it is not the park: the department then guides and files on the enterprise’s behalf.',
    example: '国家卫生健康委员会',
  })
  competentAuthority?: string;

  @ApiPropertyOptional({
    description: 'How the service runs, for the enterprise.',
    example: '园区辅导企业准备材料、预审后代为向国家卫生健康委员会申报，并登记国家审批结果。',
  })
  description?: string;

  @ApiProperty({
    enum: KEY_ISSUES,
    isArray: true,
    description:
      "The park reform's key issues the service belongs to: professionals, venues, public platforms, import of special articles.",
    example: ['SPECIAL_ARTICLE_IMPORT'],
  })
  keyIssues: KeyIssue[];

  @ApiPropertyOptional({
    type: [IntakeWindowDto],
    description: 'Batches (申报批次): submission is open only inside one of them.',
  })
  intakeWindows?: IntakeWindowDto[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Facts not confirmed against the regulation text; an administrator should check them.',
    example: ['certificate.validityMonths'],
  })
  unconfirmed?: string[];

  @ApiProperty({ example: 0 })
  feeCny: number;

  @ApiPropertyOptional({ type: CertificateSpecDto, nullable: true })
  certificate: CertificateSpecDto | null;

  @ApiProperty({ type: [MaterialTypeDto] })
  materials: MaterialTypeDto[];

  @ApiProperty({
    description:
      'JSON Schema of the application form; properties are dotted field keys shared across services.',
    type: 'object',
    additionalProperties: true,
    example: FORM_EXAMPLE,
  })
  formSchema: Record<string, unknown>;

  @ApiProperty({
    description: 'Stages (AUTOMATED, HUMAN, WAIT) and where each action, outcome or event leads.',
    type: 'object',
    additionalProperties: true,
    example: WORKFLOW_EXAMPLE,
  })
  workflow: WorkflowDefinition;
}

export class ServiceDto extends ServiceDefinitionDto {
  @ApiProperty({ example: 'SPECIAL_ARTICLE_ENTRY' })
  code: string;

  @ApiProperty({ enum: ['BASIC', 'VALUE_ADDED'], example: 'BASIC' })
  category: ServiceCategory;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED'], example: 'PUBLISHED' })
  status: ServiceVersionStatus;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-01T02:00:00.000Z',
  })
  publishedAt: string | null;

  @ApiProperty({ description: 'Retired services take no new applications.', example: false })
  retired: boolean;

  static from(service: Service, version: ServiceVersion): ServiceDto {
    return {
      code: service.code,
      category: service.category,
      ...(version.definition as ServiceDefinition),
      keyIssues: version.definition.keyIssues ?? [],
      version: version.version,
      status: version.status,
      publishedAt: version.publishedAt?.toISOString() ?? null,
      retired: service.retiredAt !== null,
    };
  }
}

export class ServiceSummaryDto {
  @ApiProperty({ example: 'SPECIAL_ARTICLE_ENTRY' })
  code: string;

  @ApiProperty({ enum: ['BASIC', 'VALUE_ADDED'], example: 'BASIC' })
  category: ServiceCategory;

  @ApiProperty({ example: '入境特殊物品卫生检疫审批' })
  name: string;

  @ApiProperty({ example: 'Entry health-quarantine approval of special articles' })
  nameEn: string;

  @ApiProperty({ example: 'CUSTOMS' })
  departmentCode: string;

  @ApiProperty({ example: 10 })
  promisedWorkingDays: number;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 20 })
  statutoryWorkingDays: number | null;

  @ApiProperty({ enum: KEY_ISSUES, isArray: true, example: ['SPECIAL_ARTICLE_IMPORT'] })
  keyIssues: KeyIssue[];

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ example: false })
  retired: boolean;
}

export class ServicePageDto extends PageOf(ServiceSummaryDto) {}

export class ServiceVersionSummaryDto {
  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ enum: ['DRAFT', 'PUBLISHED'], example: 'PUBLISHED' })
  status: ServiceVersionStatus;

  @ApiProperty({
    description: 'Whether this is the version new applications are filed under.',
    example: true,
  })
  current: boolean;

  @ApiProperty({ enum: ['SEED', 'ADMIN'], example: 'ADMIN' })
  source: 'SEED' | 'ADMIN';

  @ApiProperty({ format: 'date-time', example: '2026-10-28T08:00:00.000Z' })
  createdAt: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-01T02:00:00.000Z',
  })
  publishedAt: string | null;
}
