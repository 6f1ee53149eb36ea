import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { FIELDS } from '../../catalogue/data/field-dictionary';
import { PageOf, PageQuery } from '../../common/pagination/page';

/** The clinical specialties a trial is filed under (the catalogue's `clinical.specialty`). */
export const SPECIALTIES = FIELDS['clinical.specialty'].enum as readonly string[];

export class InstitutionProfileDto {
  @ApiProperty({ example: '浙江大学医学院附属第一医院', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    example: 'The First Affiliated Hospital, Zhejiang University School of Medicine',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  nameEn: string;

  @ApiProperty({ enum: SPECIALTIES, isArray: true, example: ['ONCOLOGY', 'HEMATOLOGY'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SPECIALTIES, { each: true })
  specialties: string[];

  @ApiProperty({
    enum: SPECIALTIES,
    isArray: true,
    example: ['ONCOLOGY'],
    description: 'Specialties with GCP-filed trial wards (药物临床试验机构备案); these rank first.',
  })
  @IsArray()
  @ArrayUnique()
  @IsIn(SPECIALTIES, { each: true })
  gcpSpecialties: string[];

  @ApiProperty({
    type: [String],
    example: ['肺癌', '淋巴瘤', '肝癌'],
    description: 'Indications it has trial experience in; a trial naming one ranks it higher.',
  })
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(30, { each: true })
  indications: string[];

  @ApiPropertyOptional({
    example: 12,
    minimum: 1,
    maximum: 1000,
    description: 'Trials it can take at once; a full institution ranks after those with room.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number;

  @ApiPropertyOptional({ example: '杭州市上城区庆春路 79 号', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;
}

export class NewInstitutionDto extends InstitutionProfileDto {
  @ApiProperty({ example: 'ZJU_FIRST_HOSPITAL', description: 'A stable code, upper case.' })
  @Matches(/^[A-Z][A-Z0-9_]{1,39}$/, { message: 'code must be upper case letters, digits and _' })
  code: string;
}

export class UpdateInstitutionDto extends PartialType(InstitutionProfileDto) {
  @ApiPropertyOptional({
    example: false,
    description: 'false takes it out of matching; offered trials stay with it until decided.',
  })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class InstitutionDto {
  @ApiProperty({ format: 'uuid', example: '2a4b6c8d-1e3f-4a5b-9c7d-8e9f0a1b2c3d' })
  id: string;

  @ApiProperty({ example: 'ZJU_FIRST_HOSPITAL' })
  code: string;

  @ApiProperty({ example: '浙江大学医学院附属第一医院' })
  name: string;

  @ApiProperty({ example: 'The First Affiliated Hospital, Zhejiang University School of Medicine' })
  nameEn: string;

  @ApiProperty({ type: [String], example: ['ONCOLOGY', 'HEMATOLOGY'] })
  specialties: string[];

  @ApiProperty({ type: [String], example: ['ONCOLOGY'] })
  gcpSpecialties: string[];

  @ApiProperty({ type: [String], example: ['肺癌', '淋巴瘤'] })
  indications: string[];

  @ApiProperty({ example: 12 })
  capacity: number;

  @ApiProperty({ example: 3, description: 'Trials offered to or accepted by it, still open.' })
  load: number;

  @ApiProperty({ example: '杭州市上城区庆春路 79 号' })
  address: string;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ example: 1 })
  version: number;
}

export class InstitutionPageDto extends PageOf(InstitutionDto) {}

export class InstitutionListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SPECIALTIES, example: 'ONCOLOGY' })
  @IsOptional()
  @IsIn(SPECIALTIES)
  specialty?: string;

  @ApiPropertyOptional({ example: 'true' })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: 'true' | 'false';
}
