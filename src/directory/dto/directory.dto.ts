import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page';
import { CHAIN_SEGMENTS, ChainSegment, SECTORS, Sector } from '../../enterprises/enterprise.entity';
import { ZONE_CODES } from '../../park-plan/park-zones';
import { PRODUCT_STAGES, ProductStage } from '../../pipeline/pipeline-item';

export class PipelineSummaryDto {
  @ApiProperty({ description: 'Drug products in the pipeline.', example: 3 })
  products: number;

  @ApiProperty({ description: 'Devices, registered or not.', example: 1 })
  devices: number;

  @ApiProperty({ description: 'Items awaiting verification by staff.', example: 1 })
  pending: number;

  @ApiPropertyOptional({
    enum: PRODUCT_STAGES,
    nullable: true,
    description: 'The most advanced stage among its products.',
    example: 'PHASE_2',
  })
  leadStage: ProductStage | null;
}

export class DirectoryEntryDto {
  @ApiProperty({ format: 'uuid', example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' })
  id: string;

  @ApiProperty({ example: '杭州钱塘启源细胞治疗有限公司' })
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Hangzhou Qiantang Qiyuan Cell Therapy Co., Ltd.',
  })
  nameEn: string | null;

  @ApiProperty({ enum: SECTORS, example: 'CELL_GENE_THERAPY' })
  sector: Sector;

  @ApiPropertyOptional({ enum: CHAIN_SEGMENTS, nullable: true, example: 'CELL_GENE_THERAPY' })
  chainSegment: ChainSegment | null;

  @ApiProperty({ example: 'CGT-PARK' })
  zone: string;

  @ApiProperty({ example: true })
  verified: boolean;

  @ApiProperty({ type: PipelineSummaryDto })
  pipeline: PipelineSummaryDto;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;
}

export class DirectoryPageDto extends PageOf(DirectoryEntryDto) {}

const SEGMENT = {
  enum: CHAIN_SEGMENTS,
  nullable: true,
  description: 'Null for enterprises that have not named their segment yet.',
  example: 'CELL_GENE_THERAPY',
} as const;

export class EnterpriseCellDto {
  @ApiPropertyOptional(SEGMENT)
  segment: ChainSegment | null;

  @ApiProperty({ enum: ZONE_CODES, example: 'CGT-PARK' })
  zone: string;

  @ApiProperty({ example: 42 })
  count: number;
}

export class ProductCellDto extends EnterpriseCellDto {
  @ApiProperty({ enum: PRODUCT_STAGES, example: 'PHASE_1' })
  stage: ProductStage;
}

export class DeviceCellDto extends EnterpriseCellDto {
  @ApiProperty({ enum: ['I', 'II', 'III'], example: 'II' })
  deviceClass: string;
}

export class ApprovalYearDto {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty({ description: 'Drug marketing approvals (NDA/BLA granted).', example: 21 })
  drugs: number;

  @ApiProperty({ description: 'Class II and III device registrations.', example: 260 })
  devices: number;

  @ApiProperty({ description: 'Class I device filings.', example: 118 })
  deviceFilings: number;
}

export class MonthCountDto {
  @ApiProperty({ description: 'Month of registration, park time', example: '2026-11' })
  month: string;

  @ApiProperty({ example: 30 })
  count: number;
}

export class IndustryTotalsDto {
  @ApiProperty({ example: 812 })
  enterprises: number;

  @ApiProperty({ example: 2431 })
  products: number;

  @ApiProperty({ example: 1620 })
  devices: number;
}

export class IndustryAggregatesDto {
  @ApiProperty({ type: [EnterpriseCellDto], description: 'Enterprises by segment × zone.' })
  enterprises: EnterpriseCellDto[];

  @ApiProperty({ type: [ProductCellDto], description: 'Drug products by segment × zone × stage.' })
  products: ProductCellDto[];

  @ApiProperty({ type: [DeviceCellDto], description: 'Devices by segment × zone × class.' })
  devices: DeviceCellDto[];

  @ApiProperty({ type: [ApprovalYearDto] })
  approvalsPerYear: ApprovalYearDto[];

  @ApiProperty({ type: [MonthCountDto] })
  newEnterprisesPerMonth: MonthCountDto[];

  @ApiProperty({ type: IndustryTotalsDto })
  totals: IndustryTotalsDto;
}
