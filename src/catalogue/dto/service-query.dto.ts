import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination/page';
import { KEY_ISSUES, KeyIssue, SERVICE_CATEGORIES, ServiceCategory } from '../service-definition';

export class ServiceListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SERVICE_CATEGORIES, example: 'BASIC' })
  @IsOptional()
  @IsIn(SERVICE_CATEGORIES)
  category?: ServiceCategory;

  @ApiPropertyOptional({ description: 'Department code.', example: 'CUSTOMS' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9_]{1,19}$/, {
    message: 'department must be a department code such as CUSTOMS',
  })
  department?: string;

  @ApiPropertyOptional({
    enum: KEY_ISSUES,
    description:
      "Services of one of the park reform's key issues: professionals, venues, public platforms, import of special articles.",
    example: 'SPECIAL_ARTICLE_IMPORT',
  })
  @IsOptional()
  @IsIn(KEY_ISSUES)
  keyIssue?: KeyIssue;

  @ApiPropertyOptional({ description: 'Matches the Chinese or English name.', example: '实验动物' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Include retired services.', example: false })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeRetired?: boolean;
}
