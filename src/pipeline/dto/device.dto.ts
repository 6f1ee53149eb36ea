import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageOf } from '../../common/pagination/page';
import { IsCalendarDate } from '../../common/validation/strict-values';
import { DEVICE_CLASSES, DeviceClass, DeviceRow } from '../pipeline-item';
import { VerifiedItemDto } from './verification.dto';

export class DeviceInput {
  @ApiProperty({ example: '一次性使用血管内光学相干断层成像导管', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    example: 'Single-use intravascular optical coherence tomography catheter',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nameEn?: string;

  @ApiProperty({ enum: DEVICE_CLASSES, example: 'III' })
  @IsIn(DEVICE_CLASSES)
  deviceClass: DeviceClass;

  @ApiPropertyOptional({
    description:
      'Registration certificate number (注册证编号) for class II and III, filing number (备案编号) for class I; given together with `registeredOn`.',
    example: '国械注准20263060512',
    maxLength: 50,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  registrationNumber?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'The day of the registration or filing.',
    example: '2026-09-12',
  })
  @IsOptional()
  @IsCalendarDate()
  registeredOn?: string;
}

export class DeviceChange extends PartialType(DeviceInput) {
  @ApiPropertyOptional({
    description: 'The version you read; a stale one answers 409.',
    example: 1,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class DeviceDto extends VerifiedItemDto {
  @ApiProperty({ example: '一次性使用血管内光学相干断层成像导管' })
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Single-use intravascular optical coherence tomography catheter',
  })
  nameEn: string | null;

  @ApiProperty({ enum: DEVICE_CLASSES, example: 'III' })
  deviceClass: DeviceClass;

  @ApiPropertyOptional({ type: String, nullable: true, example: '国械注准20263060512' })
  registrationNumber: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2026-09-12' })
  registeredOn: string | null;

  static from(row: DeviceRow): DeviceDto {
    return {
      ...VerifiedItemDto.fieldsOf(row),
      name: row.name,
      nameEn: row.name_en,
      deviceClass: row.device_class,
      registrationNumber: row.registration_number,
      registeredOn: row.registered_on,
    };
  }
}

export class DevicePageDto extends PageOf(DeviceDto) {}
