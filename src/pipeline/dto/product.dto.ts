import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageOf } from '../../common/pagination/page';
import { IsCalendarDate } from '../../common/validation/strict-values';
import { PRODUCT_STAGES, ProductRow, ProductStage } from '../pipeline-item';
import { VerifiedItemDto } from './verification.dto';

export class ProductInput {
  @ApiProperty({ example: 'QT-CAR19 自体嵌合抗原受体 T 细胞注射液', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'QT-CAR19 autologous CAR-T cell injection', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;

  @ApiPropertyOptional({ example: 'CAR-T 细胞治疗', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  modality?: string;

  @ApiPropertyOptional({ example: '复发或难治性 B 细胞急性淋巴细胞白血病', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  indication?: string;

  @ApiProperty({ enum: PRODUCT_STAGES, example: 'PHASE_2' })
  @IsIn(PRODUCT_STAGES)
  stage: ProductStage;

  @ApiPropertyOptional({
    description: 'The approval number (国药准字) once approved.',
    example: '国药准字S20260018',
    maxLength: 50,
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  approvalNumber?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'The day of the marketing approval: required at stage APPROVED, and only there.',
    example: '2026-06-30',
  })
  @IsOptional()
  @IsCalendarDate()
  approvedOn?: string;
}

export class ProductChange extends PartialType(ProductInput) {
  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ProductDto extends VerifiedItemDto {
  @ApiProperty({ example: 'QT-CAR19 自体嵌合抗原受体 T 细胞注射液' })
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'QT-CAR19 autologous CAR-T cell injection',
  })
  nameEn: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'CAR-T 细胞治疗' })
  modality: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '复发或难治性 B 细胞急性淋巴细胞白血病',
  })
  indication: string | null;

  @ApiProperty({ enum: PRODUCT_STAGES, example: 'PHASE_2' })
  stage: ProductStage;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  approvalNumber: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: null })
  approvedOn: string | null;

  static from(row: ProductRow): ProductDto {
    return {
      ...VerifiedItemDto.fieldsOf(row),
      name: row.name,
      nameEn: row.name_en,
      modality: row.modality,
      indication: row.indication,
      stage: row.stage,
      approvalNumber: row.approval_number,
      approvedOn: row.approved_on,
    };
  }
}

export class ProductPageDto extends PageOf(ProductDto) {}
