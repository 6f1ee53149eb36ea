import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { CertificateContent } from '../certificate-signature';

const CONTENT_EXAMPLE = {
  number: 'SPECIAL_ARTICLE_ENTRY-2026-000042',
  serviceCode: 'SPECIAL_ARTICLE_ENTRY',
  serviceName: '出入境特殊物品卫生检疫审批',
  serviceNameEn: 'Entry health-quarantine approval of special articles',
  title: '出入境特殊物品卫生检疫审批单',
  titleEn: 'Entry health quarantine approval of special articles',
  holder: {
    enterpriseId: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b',
    name: '苏州启明生物医药有限公司',
    creditCode: '91320594MA1MXYJ83F',
  },
  applicationId: '0c9b8a7f-6e5d-4c4b-a3f2-e1d0c9b8a7f6',
  applicationNumber: 'QT-2026-000123',
  issuedAt: '2026-11-23T06:00:00.000Z',
  validFrom: '2026-11-23',
  validUntil: '2027-05-22',
  particulars: { 'article.name': 'HEK293 细胞株', 'article.quantity': 10, 'article.unit': 'VIAL' },
  issuer: { departmentCode: 'CUSTOMS', departmentName: '海关（口岸卫生检疫）' },
};

export class CertificateDto {
  @ApiProperty({ format: 'uuid', example: '8b7a6f5e-4d3c-4b2a-9f8e-7d6c5b4a3f2e' })
  id: string;

  @ApiProperty({ example: 'SPECIAL_ARTICLE_ENTRY-2026-000042' })
  number: string;

  @ApiProperty({ format: 'uuid', example: '0c9b8a7f-6e5d-4c4b-a3f2-e1d0c9b8a7f6' })
  applicationId: string;

  @ApiProperty({ enum: ['ACTIVE', 'REVOKED'], example: 'ACTIVE' })
  status: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Exactly what the signature covers.',
    example: CONTENT_EXAMPLE,
  })
  content: CertificateContent;

  @ApiProperty({
    description:
      'Ed25519 over the canonical JSON of `content` (keys sorted, no spaces), base64url.',
    example: 'mW1f...Q',
  })
  signature: string;

  @ApiProperty({
    description: 'Which published public key verifies it.',
    example: '3f2a9c1d7e6b5a40',
  })
  keyId: string;

  @ApiProperty({
    description: 'Printed on the certificate; pass it as ?code= to verify.',
    example: 'K7QM2XPA9TNE',
  })
  verificationCode: string;

  @ApiProperty({
    example:
      'https://parkline.example/api/v1/certificates/SPECIAL_ARTICLE_ENTRY-2026-000042/verify?code=K7QM2XPA9TNE',
  })
  verifyUrl: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null })
  revokedAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  revocationReason: string | null;
}

export class CertificateVerificationDto {
  @ApiProperty({
    description: 'True only for an authentic, unrevoked, unexpired certificate.',
    example: true,
  })
  valid: boolean;

  @ApiProperty({
    enum: ['VALID', 'REVOKED', 'EXPIRED', 'INVALID'],
    description: 'INVALID: the code does not match or the content was altered.',
    example: 'VALID',
  })
  status: 'VALID' | 'REVOKED' | 'EXPIRED' | 'INVALID';

  @ApiPropertyOptional({ type: CertificateDto, description: 'Shown when authentic.' })
  certificate?: CertificateDto;
}

export class PublicKeyDto {
  @ApiProperty({ example: '3f2a9c1d7e6b5a40' })
  keyId: string;

  @ApiProperty({ example: 'Ed25519' })
  algorithm: string;

  @ApiProperty({
    example: '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA...\n-----END PUBLIC KEY-----\n',
  })
  publicKeyPem: string;

  @ApiProperty({ description: 'The key that signs new certificates.', example: true })
  active: boolean;
}

export class RevokeInput {
  @ApiProperty({ example: '企业已注销，许可自动失效' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason: string;
}
