import { PageOf } from '../../common/pagination/page';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHAIN_SEGMENTS,
  ChainSegment,
  Enterprise,
  PIPELINE_STAGES,
  PipelineStage,
  Sector,
  SECTORS,
} from '../enterprise.entity';

export class EnterpriseDto {
  @ApiProperty({ format: 'uuid', example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' })
  id: string;

  @ApiProperty({ example: '杭州源启生物医药有限公司' })
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Hangzhou Yuanqi Biopharma Co., Ltd.',
  })
  nameEn: string | null;

  @ApiProperty({
    description: 'Unified social credit code (GB 32100-2015).',
    example: '91330114MA2KCQ7M0T',
  })
  creditCode: string;

  @ApiProperty({ enum: SECTORS, example: 'ANTIBODY_PROTEIN' })
  sector: Sector;

  @ApiPropertyOptional({ enum: CHAIN_SEGMENTS, nullable: true, example: 'CELL_GENE_THERAPY' })
  chainSegment: ChainSegment | null;

  @ApiProperty({
    description: 'Zone of the park plan the enterprise sits in (`GET /park-plan`).',
    example: 'CGT-PARK',
  })
  zone: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '张明' })
  legalRepresentative: string | null;

  @ApiPropertyOptional({ type: Number, nullable: true, example: 50000000 })
  registeredCapitalCny: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2019-06-18' })
  establishedOn: string | null;

  @ApiPropertyOptional({ enum: PIPELINE_STAGES, nullable: true, example: 'CLINICAL_PHASE_1' })
  pipelineStage: PipelineStage | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '李华' })
  contactName: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '13912345678' })
  contactPhone: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'regulatory@yuanqi-bio.cn' })
  contactEmail: string | null;

  @ApiProperty({ description: 'Verified enterprises may submit applications.', example: true })
  verified: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2026-11-20T02:30:00.000Z',
  })
  verifiedAt: string | null;

  @ApiProperty({ example: 3 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T02:30:00.000Z' })
  updatedAt: string;

  static from(enterprise: Enterprise): EnterpriseDto {
    return {
      id: enterprise.id,
      name: enterprise.name,
      nameEn: enterprise.nameEn,
      creditCode: enterprise.creditCode,
      sector: enterprise.sector,
      chainSegment: enterprise.chainSegment,
      zone: enterprise.zone,
      legalRepresentative: enterprise.legalRepresentative,
      registeredCapitalCny: enterprise.registeredCapitalCny,
      establishedOn: enterprise.establishedOn,
      pipelineStage: enterprise.pipelineStage,
      contactName: enterprise.contactName,
      contactPhone: enterprise.contactPhone,
      contactEmail: enterprise.contactEmail,
      verified: enterprise.verifiedAt !== null,
      verifiedAt: enterprise.verifiedAt?.toISOString() ?? null,
      version: enterprise.version,
      createdAt: enterprise.createdAt.toISOString(),
      updatedAt: enterprise.updatedAt.toISOString(),
    };
  }
}

export class EnterprisePageDto extends PageOf(EnterpriseDto) {}
