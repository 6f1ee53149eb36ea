import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import {
  PipelineItemRow,
  VERIFICATION_DECISIONS,
  VERIFICATION_STATES,
  VerificationDecision,
  VerificationState,
} from '../pipeline-item';

export class VerificationInput {
  @ApiProperty({ enum: VERIFICATION_DECISIONS, example: 'VERIFIED' })
  @IsIn(VERIFICATION_DECISIONS)
  decision: VerificationDecision;

  @ApiPropertyOptional({
    description: 'What was checked, or why the item is rejected; kept in the history.',
    example: '已核对国家药监局药品审评中心临床试验默示许可公告',
    maxLength: 2000,
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    description: 'The version you checked; a changed item answers 409 instead of being verified.',
    example: 2,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

/** Fields every pipeline item carries: its verification and its version. */
export class VerifiedItemDto {
  @ApiProperty({ format: 'uuid', example: '0b7f3a52-94c1-4d8e-a6b2-3c5d7e9f1a24' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' })
  enterpriseId: string;

  @ApiProperty({ enum: VERIFICATION_STATES, example: 'VERIFIED' })
  verification: VerificationState;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The staff member who verified or rejected the item.',
    example: '9c2d4e6f-1a3b-4c5d-8e7f-0a1b2c3d4e5f',
  })
  verifiedBy: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2026-11-25T03:20:00.000Z',
  })
  verifiedAt: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '已核对国家药监局药品审评中心临床试验默示许可公告',
  })
  verificationNote: string | null;

  @ApiProperty({ example: 2 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-25T03:20:00.000Z' })
  updatedAt: string;

  static fieldsOf(row: PipelineItemRow): VerifiedItemDto {
    return {
      id: row.id,
      enterpriseId: row.enterprise_id,
      verification: row.verification,
      verifiedBy: row.verified_by,
      verifiedAt: row.verified_at?.toISOString() ?? null,
      verificationNote: row.verification_note,
      version: row.version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }
}
