import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { MAX_UPLOAD_BYTES } from '../../common/http/multipart-upload';
import type { FileFormat } from '../data/catalogue-seed.types';
import type { WorkflowDefinition } from '../../workflow/workflow.types';
import { KEY_ISSUES, KeyIssue, SERVICE_CATEGORIES, ServiceCategory } from '../service-definition';
import { IsCalendarDate } from '../../common/validation/strict-values';
import { FILE_FORMATS } from './service.dto';
import { NestedArray, NestedObject } from '../../common/validation/nested';

export class MaterialTypeInput {
  @ApiProperty({ example: 'biosafety_lab_certificate' })
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'code must be lower_snake_case' })
  code: string;

  @ApiProperty({ example: '实验室生物安全备案凭证' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'Laboratory biosafety filing certificate' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;

  @ApiProperty({ example: false })
  @IsBoolean()
  required: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: {
      type: 'object',
      required: ['article.riskClass'],
      properties: { 'article.riskClass': { enum: ['A', 'B'] } },
    },
  })
  @IsOptional()
  @IsObject()
  requiredWhen?: Record<string, unknown>;

  @ApiPropertyOptional({
    description: "Where the situation rule comes from: law and article, or the park's own rule.",
    example: '《出入境特殊物品卫生检疫管理规定》：A、B 级高风险特殊物品须有相应生物安全等级实验室',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  requiredWhenBasis?: string;

  @ApiProperty({ enum: FILE_FORMATS, isArray: true, example: ['pdf'] })
  @ArrayMinSize(1)
  @IsIn(FILE_FORMATS, { each: true })
  formats: FileFormat[];

  @ApiProperty({ example: 20971520, maximum: MAX_UPLOAD_BYTES })
  @IsInt()
  @Min(1)
  @Max(MAX_UPLOAD_BYTES)
  maxBytes: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  fromLibrary: boolean;
}

export class ValidityByFactInput {
  @ApiProperty({ example: 'riskClass' })
  @Matches(/^[a-z][A-Za-z0-9]{1,39}$/, { message: 'fact must be a camelCase fact name' })
  fact: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { A: 3, B: 6, C: 12, D: 12 },
  })
  @IsObject()
  months: Record<string, number>;
}

export class IntakeWindowInput {
  @ApiProperty({ example: '2027年第一批' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ format: 'date', example: '2027-04-01' })
  @IsCalendarDate()
  opensOn: string;

  @ApiProperty({ format: 'date', example: '2027-05-31' })
  @IsCalendarDate()
  closesOn: string;
}

export class CertificateSpecInput {
  @ApiProperty({ example: '出入境特殊物品卫生检疫审批单' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  titleZh: string;

  @ApiProperty({ example: 'Entry health quarantine approval of special articles' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  titleEn: string;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 6 })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(600)
  validityMonths: number | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Validity that follows a fact the workflow learned; validityMonths applies when the fact has no entry.',
    example: { fact: 'riskClass', months: { A: 3, B: 6, C: 12, D: 12 } },
  })
  @NestedObject(() => ValidityByFactInput, { optional: true })
  validityByFact?: ValidityByFactInput;

  @ApiPropertyOptional({
    description: 'Where the validity comes from: law and article, or the park’s own rule.',
    example: '《实验动物许可证管理办法（试行）》：许可证有效期五年',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  validityBasis?: string;

  @ApiPropertyOptional({ example: 'biosafety_lab_certificate' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{1,63}$/, { message: 'materialCode must be lower_snake_case' })
  materialCode?: string;
}

/** A whole service version as an admin writes it; deep rules are checked when publishing. */
export class ServiceDefinitionInput {
  @ApiProperty({ example: '入境特殊物品卫生检疫审批' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: 'Entry health-quarantine approval of special articles' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;

  @ApiProperty({ example: 'CUSTOMS' })
  @Matches(/^[A-Z][A-Z0-9_]{1,19}$/, {
    message: 'departmentCode must be a department code such as CUSTOMS',
  })
  departmentCode: string;

  @ApiProperty({ example: '《出入境特殊物品卫生检疫管理规定》' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  legalBasis: string;

  @ApiProperty({ example: 10, minimum: 1, maximum: 400 })
  @IsInt()
  @Min(1)
  @Max(400)
  promisedWorkingDays: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 20,
    minimum: 1,
    maximum: 400,
    description: 'null where no statutory limit applies (filings, value-added services).',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(400)
  statutoryWorkingDays: number | null;

  @ApiPropertyOptional({
    description: "Where the limits come from: the law's article, and the park's promise.",
    example: '《中华人民共和国行政许可法》第四十二条；园区“一件事一次办”服务承诺时限',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  timeLimitBasis?: string;

  @ApiPropertyOptional({
    description:
      'The authority that decides when it is not the park (a national approval); the department then guides and files on behalf.',
    example: '国家卫生健康委员会',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  competentAuthority?: string;

  @ApiPropertyOptional({
    description: 'How the service runs, for the enterprise.',
    example: '园区辅导企业准备材料并代为向国家卫生健康委员会申报。',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ enum: KEY_ISSUES, isArray: true, example: ['SPECIAL_ARTICLE_IMPORT'] })
  @IsOptional()
  @ArrayMaxSize(KEY_ISSUES.length)
  @IsIn(KEY_ISSUES, { each: true })
  keyIssues?: KeyIssue[];

  @ApiPropertyOptional({
    type: [IntakeWindowInput],
    description: 'Batches (申报批次): submission is open only inside one of them.',
  })
  @NestedArray(() => IntakeWindowInput, { optional: true })
  @ArrayMaxSize(24)
  intakeWindows?: IntakeWindowInput[];

  @ApiPropertyOptional({
    type: [String],
    description:
      'Facts not confirmed against the regulation text, to be checked by an administrator.',
    example: ['certificate.validityMonths'],
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  unconfirmed?: string[];

  @ApiProperty({ example: 0, minimum: 0 })
  @IsInt()
  @Min(0)
  feeCny: number;

  @ApiProperty({
    type: CertificateSpecInput,
    nullable: true,
    description: 'What the service issues; null when it issues no certificate.',
  })
  @NestedObject(() => CertificateSpecInput, { nullable: true })
  certificate: CertificateSpecInput | null;

  @ApiProperty({ type: [MaterialTypeInput] })
  @NestedArray(() => MaterialTypeInput)
  @ArrayMaxSize(60)
  materials: MaterialTypeInput[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'JSON Schema of the form.',
  })
  @IsObject()
  formSchema: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The workflow definition (see GET /services/{code}).',
  })
  @IsObject()
  workflow: WorkflowDefinition;
}

export class NewServiceInput {
  @ApiProperty({ example: 'CELL_BANK_FILING' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'code must be UPPER_SNAKE_CASE' })
  code: string;

  @ApiProperty({ enum: SERVICE_CATEGORIES, example: 'BASIC' })
  @IsIn(SERVICE_CATEGORIES)
  category: ServiceCategory;

  @ApiProperty({ type: ServiceDefinitionInput })
  @NestedObject(() => ServiceDefinitionInput)
  definition: ServiceDefinitionInput;
}

export class NewDraftInput {
  @ApiPropertyOptional({
    type: ServiceDefinitionInput,
    description:
      "The draft's content; without it the draft starts as a copy of the current version.",
  })
  @NestedObject(() => ServiceDefinitionInput, { optional: true })
  definition?: ServiceDefinitionInput;
}

export class DraftChangeInput extends PartialType(ServiceDefinitionInput) {}
