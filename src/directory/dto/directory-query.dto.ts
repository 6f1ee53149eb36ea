import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import { CHAIN_SEGMENTS, ChainSegment } from '../../enterprises/enterprise.entity';
import { ZONE_CODES, ZoneCode } from '../../park-plan/park-zones';
import {
  DEVICE_CLASSES,
  DeviceClass,
  PRODUCT_STAGES,
  ProductStage,
} from '../../pipeline/pipeline-item';

/** The part of the park the figures cover. */
export class IndustryFilter {
  @ApiPropertyOptional({ enum: CHAIN_SEGMENTS, example: 'CELL_GENE_THERAPY' })
  @IsOptional()
  @IsIn(CHAIN_SEGMENTS)
  segment?: ChainSegment;

  @ApiPropertyOptional({ enum: ZONE_CODES, example: 'CGT-PARK' })
  @IsOptional()
  @IsIn(ZONE_CODES)
  zone?: ZoneCode;
}

export class DirectoryQuery extends IntersectionType(PageQuery, IndustryFilter) {
  @ApiPropertyOptional({
    enum: PRODUCT_STAGES,
    description: 'Enterprises with a drug product at this stage.',
    example: 'PHASE_2',
  })
  @IsOptional()
  @IsIn(PRODUCT_STAGES)
  stage?: ProductStage;

  @ApiPropertyOptional({
    enum: DEVICE_CLASSES,
    description: 'Enterprises with a device of this class.',
    example: 'III',
  })
  @IsOptional()
  @IsIn(DEVICE_CLASSES)
  deviceClass?: DeviceClass;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Enterprises with pipeline items awaiting verification (true) or none (false).',
    example: 'true',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  pending?: 'true' | 'false';

  @ApiPropertyOptional({
    description: 'Matches the name (Chinese or English) or the credit code.',
    example: '钱塘',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
