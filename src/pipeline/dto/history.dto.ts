import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageOf, PageQuery } from '../../common/pagination/page';
import { PIPELINE_CHANGES, PipelineChange, PipelineHistoryRow } from '../pipeline-item';

export class PipelineHistoryQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the changes of this product or device.',
    example: '0b7f3a52-94c1-4d8e-a6b2-3c5d7e9f1a24',
  })
  @IsOptional()
  @IsUUID()
  itemId?: string;
}

export class PipelineHistoryEntryDto {
  @ApiProperty({ format: 'uuid', example: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b' })
  id: string;

  @ApiProperty({ enum: ['PRODUCT', 'DEVICE'], example: 'PRODUCT' })
  itemKind: 'PRODUCT' | 'DEVICE';

  @ApiProperty({ format: 'uuid', example: '0b7f3a52-94c1-4d8e-a6b2-3c5d7e9f1a24' })
  itemId: string;

  @ApiProperty({ enum: PIPELINE_CHANGES, example: 'UPDATED' })
  change: PipelineChange;

  @ApiProperty({ enum: ['user', 'api_key', 'system'], example: 'user' })
  actorType: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    example: '3f4e5d6c-7b8a-4c9d-8e0f-1a2b3c4d5e6f',
  })
  actorId: string | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The item before the change (null when it was created).',
    example: { stage: 'PHASE_1', verification: 'VERIFIED', version: 2 },
  })
  before: Record<string, unknown> | null;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The item after the change (null when it was deleted).',
    example: { stage: 'PHASE_2', verification: 'PENDING', version: 3 },
  })
  after: Record<string, unknown> | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-25T03:20:00.000Z' })
  createdAt: string;

  static from(row: PipelineHistoryRow): PipelineHistoryEntryDto {
    return {
      id: row.id,
      itemKind: row.item_kind,
      itemId: row.item_id,
      change: row.change,
      actorType: row.actor_type,
      actorId: row.actor_id,
      before: row.before,
      after: row.after,
      createdAt: row.created_at.toISOString(),
    };
  }
}

export class PipelineHistoryPageDto extends PageOf(PipelineHistoryEntryDto) {}
