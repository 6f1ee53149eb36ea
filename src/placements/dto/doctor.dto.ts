import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { SPECIALTIES } from '../../institutions/dto/institution.dto';

/** 住院医师, 主治医师, 副主任医师, 主任医师. */
export const DOCTOR_TITLES = ['RESIDENT', 'ATTENDING', 'ASSOCIATE_CHIEF', 'CHIEF'] as const;
export type DoctorTitle = (typeof DOCTOR_TITLES)[number];

export class DoctorProfileDto {
  @ApiProperty({ example: '陈立群', maxLength: 60 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name: string;

  @ApiProperty({ enum: SPECIALTIES, example: 'ONCOLOGY' })
  @IsIn(SPECIALTIES)
  specialty: string;

  @ApiProperty({ enum: DOCTOR_TITLES, example: 'ASSOCIATE_CHIEF' })
  @IsIn(DOCTOR_TITLES)
  title: DoctorTitle;
}

export class NewDoctorDto extends DoctorProfileDto {
  @ApiProperty({
    example: '110330100012345',
    description: 'The practising licence number (医师执业证书编码), 15 digits; unique in the park.',
  })
  @Matches(/^\d{15}$/, { message: 'licenceNumber must be the 15 digits of a practising licence' })
  licenceNumber: string;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '2a4b6c8d-1e3f-4a5b-9c7d-8e9f0a1b2c3d',
    description: "The doctor's hospital: admins name it; a hospital's users add to their own.",
  })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

export class UpdateDoctorDto extends PartialType(DoctorProfileDto) {
  @ApiPropertyOptional({ example: true, description: 'false: no longer offered for placements.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 1, description: 'The version you read; a stale one is 409.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class DoctorDto extends PickType(DoctorProfileDto, ['name', 'specialty', 'title']) {
  @ApiProperty({ format: 'uuid', example: '3c5e7a9b-2d4f-4b6a-8c1e-0f2a4b6c8d0e' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '2a4b6c8d-1e3f-4a5b-9c7d-8e9f0a1b2c3d' })
  institutionId: string;

  @ApiProperty({ example: '浙江大学医学院附属第一医院' })
  institutionName: string;

  @ApiProperty({ example: '110330100012345' })
  licenceNumber: string;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ example: 1, description: 'Placements of the doctor not yet ended.' })
  livePlacements: number;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;
}

export class DoctorPageDto extends PageOf(DoctorDto) {}

export class DoctorListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SPECIALTIES, example: 'ONCOLOGY' })
  @IsOptional()
  @IsIn(SPECIALTIES)
  specialty?: string;

  @ApiPropertyOptional({ format: 'uuid', example: '2a4b6c8d-1e3f-4a5b-9c7d-8e9f0a1b2c3d' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}
