import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { ZONE_CODES } from '../../park-plan/park-zones';
import {
  CHAIN_SEGMENTS,
  ChainSegment,
  PIPELINE_STAGES,
  PipelineStage,
  Sector,
  SECTORS,
} from '../enterprise.entity';
import { IsCreditCode } from './is-credit-code.validator';
import { IsCalendarDate } from '../../common/validation/strict-values';

export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** The editable profile of an enterprise; registration adds the credit code. */
export class EnterpriseProfileDto {
  @ApiProperty({ example: '杭州源启生物医药有限公司', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'Hangzhou Yuanqi Biopharma Co., Ltd.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;

  @ApiProperty({ enum: SECTORS, example: 'ANTIBODY_PROTEIN' })
  @IsIn(SECTORS)
  sector: Sector;

  @ApiPropertyOptional({
    enum: CHAIN_SEGMENTS,
    description: "The enterprise's place in the industry chain, for the park's industry map.",
    example: 'CELL_GENE_THERAPY',
  })
  @IsOptional()
  @IsIn(CHAIN_SEGMENTS)
  chainSegment?: ChainSegment;

  @ApiProperty({
    enum: ZONE_CODES,
    description: 'The zone of the park plan (`GET /park-plan`) the enterprise sits in.',
    example: 'CGT-PARK',
  })
  @IsIn(ZONE_CODES)
  zone: string;

  @ApiPropertyOptional({ example: '张明', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  legalRepresentative?: string;

  @ApiPropertyOptional({ example: 50000000, minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  registeredCapitalCny?: number;

  @ApiPropertyOptional({ format: 'date', example: '2019-06-18' })
  @IsOptional()
  @IsCalendarDate()
  establishedOn?: string;

  @ApiPropertyOptional({ enum: PIPELINE_STAGES, example: 'CLINICAL_PHASE_1' })
  @IsOptional()
  @IsIn(PIPELINE_STAGES)
  pipelineStage?: PipelineStage;

  @ApiPropertyOptional({ example: '李华', maxLength: 50 })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contactName?: string;

  @ApiPropertyOptional({ example: '13912345678' })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'contactPhone must be a mainland mobile or landline number' })
  contactPhone?: string;

  @ApiPropertyOptional({ example: 'regulatory@yuanqi-bio.cn' })
  @IsOptional()
  @IsEmail()
  contactEmail?: string;
}

export class NewEnterpriseDto extends EnterpriseProfileDto {
  @ApiProperty({
    description:
      'Unified social credit code: 18 characters, the last a GB 32100-2015 check character.',
    example: '91330114MA2KCQ7M0T',
  })
  @IsCreditCode()
  creditCode: string;
}

export class UpdateEnterpriseDto extends PartialType(EnterpriseProfileDto) {
  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
