import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import { ZONE_CODES } from '../../park-plan/park-zones';
import { Sector, SECTORS } from '../enterprise.entity';

export class EnterpriseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SECTORS, example: 'CELL_GENE_THERAPY' })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ enum: ZONE_CODES, example: 'CGT-PARK' })
  @IsOptional()
  @IsIn(ZONE_CODES)
  zone?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], example: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'])
  verified?: 'true' | 'false';

  @ApiPropertyOptional({
    description: 'Matches the name (Chinese or English) or the credit code.',
    example: '源启',
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
