import { PageOf } from '../../common/pagination/page';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { API_KEY_SCOPES, ApiKeyScope } from '../../common/auth/roles';
import { ApiKey } from '../api-key.entity';

export class NewApiKeyDto {
  @ApiProperty({ example: 'Qiming ERP integration', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['catalogue:read', 'applications:read'],
  })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];

  @ApiProperty({
    description: 'Enterprises the integrator may act for.',
    type: [String],
    format: 'uuid',
    example: ['5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b'],
  })
  @ArrayMaxSize(1000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  enterpriseIds: string[];
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid', example: '3c2b1a09-8f7e-4d6c-b5a4-93827160fedc' })
  id: string;

  @ApiProperty({ example: 'Qiming ERP integration' })
  name: string;

  @ApiProperty({
    description: 'First characters of the key, to tell keys apart.',
    example: 'plk_7Hc2Qx',
  })
  keyPrefix: string;

  @ApiProperty({
    enum: API_KEY_SCOPES,
    isArray: true,
    example: ['catalogue:read', 'applications:read'],
  })
  scopes: ApiKeyScope[];

  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: ['5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b'],
  })
  enterpriseIds: string[];

  @ApiProperty({ format: 'date-time', example: '2026-11-20T08:00:00.000Z' })
  createdAt: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null })
  revokedAt: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-23T06:41:10.000Z',
  })
  lastUsedAt: string | null;

  static from(key: ApiKey): ApiKeyDto {
    return {
      id: key.id,
      name: key.name,
      keyPrefix: key.keyPrefix,
      scopes: key.scopes,
      enterpriseIds: key.enterpriseIds,
      createdAt: key.createdAt.toISOString(),
      revokedAt: key.revokedAt?.toISOString() ?? null,
      lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({
    description:
      'The key itself, for the `X-API-Key` header. Shown only in this response; store it now.',
    example: 'plk_7Hc2QxV9mB4nR1tY6uI3oP8aS5dF0gJ2kL7zX4cV9bN',
  })
  key: string;
}

export class ApiKeyPageDto extends PageOf(ApiKeyDto) {}
