import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import { Sector, SECTORS } from '../enterprise.entity';

export class EnterpriseListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SECTORS, example: 'CELL_GENE_THERAPY' })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ example: 'BioBAY-A' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
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
