import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FileFormat } from '../storage/file-format';

export class LibraryMaterialDto {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3f2e-4d1c-9b8a-7f6e5d4c3b2a' })
  id: string;

  @ApiProperty({ format: 'uuid', example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b' })
  enterpriseId: string;

  @ApiProperty({
    description: 'The catalogue material type it can stand in for.',
    example: 'business_licence',
  })
  materialType: string;

  @ApiProperty({ example: '营业执照（副本）' })
  title: string;

  @ApiProperty({ example: 'business-licence.pdf' })
  fileName: string;

  @ApiProperty({
    enum: ['pdf', 'jpg', 'png', 'docx', 'xlsx', 'zip'],
    description: 'Detected from the content.',
    example: 'pdf',
  })
  format: FileFormat;

  @ApiProperty({ example: 'application/pdf' })
  mediaType: string;

  @ApiProperty({ example: 482113 })
  sizeBytes: number;

  @ApiProperty({ example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' })
  sha256: string;

  @ApiProperty({
    enum: ['UPLOAD', 'CERTIFICATE'],
    description: 'CERTIFICATE: issued by this platform.',
    example: 'UPLOAD',
  })
  source: 'UPLOAD' | 'CERTIFICATE';

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true, example: null })
  certificateId: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: null })
  validUntil: string | null;

  @ApiProperty({ format: 'date-time', example: '2026-11-20T03:12:00.000Z' })
  createdAt: string;
}
