import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { CertificateContent, LegacyCertificateContent } from '../certificate-signature';

const CONTENT_EXAMPLE: CertificateContent = {
  number: 'SPECIAL_ARTICLE_ENTRY-2026-000042',
  serviceCode: 'SPECIAL_ARTICLE_ENTRY',
  serviceName: '出入境特殊物品卫生检疫审批',
  serviceNameEn: 'Entry health-quarantine approval of special articles',
  title: '出入境特殊物品卫生检疫审批单',
  titleEn: 'Entry health quarantine approval of special articles',
  holder: { name: '杭州源启生物医药有限公司', creditCode: '91330114MA2KCQ7M0T' },
  issuedAt: '2026-11-23T06:00:00.000Z',
  validFrom: '2026-11-23',
  validUntil: '2027-05-22',
  issuer: { departmentCode: 'CUSTOMS', departmentName: '海关（口岸卫生检疫）' },
};
const CODE_EXAMPLE = '7K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS-G5YN';
const SIGNATURE_EXAMPLE =
  'BwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4_QEFCQ0RFRg';

export class BilingualTextDto {
  @ApiProperty({ example: '物品名称' })
  zh: string;

  @ApiProperty({ example: 'Article name' })
  en: string;
}

export class CertificateParticularDto {
  @ApiProperty({ description: 'The form field it comes from.', example: 'article.unit' })
  field: string;

  @ApiProperty({
    type: BilingualTextDto,
    description: "The field's title on the service's form.",
    example: { zh: '计量单位', en: 'Unit of measure' },
  })
  label: BilingualTextDto;

  @ApiProperty({
    type: BilingualTextDto,
    description:
      'A choice by its names, yes/no in words; other answers as filed, the same in both.',
    example: { zh: '支（瓶）', en: 'Vials' },
  })
  value: BilingualTextDto;
}

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
    description:
      'Exactly what the signature covers. Certificates issued before the content was cut to what verifiers are shown also carry `applicationId`, `applicationNumber`, `holder.enterpriseId` and `particulars` (form fields).',
    example: CONTENT_EXAMPLE,
  })
  content: LegacyCertificateContent;

  @ApiProperty({
    type: [CertificateParticularDto],
    description:
      "The approved particulars the certificate prints, in the form's order: every answered field except a natural person's particulars (contacts, ID numbers). They are the holder's: not signed, and not shown to verifiers.",
  })
  particulars: CertificateParticularDto[];

  @ApiProperty({
    description:
      'Ed25519 over the canonical JSON of `content` (keys sorted, no spaces), base64url.',
    example: SIGNATURE_EXAMPLE,
  })
  signature: string;

  @ApiProperty({
    description: 'Which published public key verifies it.',
    example: '3f2a9c1d7e6b5a40',
  })
  keyId: string;

  @ApiProperty({
    description:
      "Printed on the certificate; pass it as ?code= to verify. 160 random bits in Crockford's base 32, in groups of 4; certificates issued earlier keep their 12-character codes.",
    example: CODE_EXAMPLE,
  })
  verificationCode: string;

  @ApiProperty({
    description:
      'The public verification page of the console (no sign-in), which the QR code on the PDF encodes; it checks the signature in the browser. Machines use GET /certificates/{number}/verify?code=.',
    example: `https://parkline.example/verify/SPECIAL_ARTICLE_ENTRY-2026-000042?code=${CODE_EXAMPLE}`,
  })
  verifyUrl: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, example: null })
  revokedAt: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: null })
  revocationReason: string | null;
}

export class CertificateHolderDto {
  @ApiProperty({ example: '杭州源启生物医药有限公司' })
  name: string;

  @ApiProperty({
    description: 'Unified social credit code: the public registration number of the enterprise.',
    example: '91330114MA2KCQ7M0T',
  })
  creditCode: string;
}

export class CertificateIssuerDto {
  @ApiProperty({ example: 'CUSTOMS' })
  departmentCode: string;

  @ApiProperty({ example: '海关（口岸卫生检疫）' })
  departmentName: string;
}

/** What anyone holding the number and code is shown: no form data, no people. */
export class PublicCertificateDto {
  @ApiProperty({ example: 'SPECIAL_ARTICLE_ENTRY-2026-000042' })
  number: string;

  @ApiProperty({ example: 'SPECIAL_ARTICLE_ENTRY' })
  serviceCode: string;

  @ApiProperty({ example: '出入境特殊物品卫生检疫审批' })
  serviceName: string;

  @ApiProperty({ example: 'Entry health-quarantine approval of special articles' })
  serviceNameEn: string;

  @ApiProperty({ example: '出入境特殊物品卫生检疫审批单' })
  title: string;

  @ApiProperty({ example: 'Entry health quarantine approval of special articles' })
  titleEn: string;

  @ApiProperty({ type: CertificateHolderDto })
  holder: CertificateHolderDto;

  @ApiProperty({ type: CertificateIssuerDto })
  issuer: CertificateIssuerDto;

  @ApiProperty({ format: 'date-time', example: '2026-11-23T06:00:00.000Z' })
  issuedAt: string;

  @ApiProperty({ format: 'date', example: '2026-11-23' })
  validFrom: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'Null when it does not expire.',
    example: '2027-05-22',
  })
  validUntil: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  revokedAt: string | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    additionalProperties: true,
    description:
      'Exactly what the signature covers, to check it yourself: Ed25519 over the canonical JSON of this object (keys sorted, no spaces) with the public key `keyId`. ' +
      'Null for certificates issued before the signed content was cut to what verifiers are shown (it holds form data); the platform has checked their signature.',
    example: CONTENT_EXAMPLE,
  })
  signedContent: CertificateContent | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Ed25519 signature of `signedContent`, base64url; null when `signedContent` is.',
    example: SIGNATURE_EXAMPLE,
  })
  signature: string | null;

  @ApiProperty({
    description: 'Which key of GET /certificates/public-key signed it.',
    example: '3f2a9c1d7e6b5a40',
  })
  keyId: string;
}

export class CertificateVerificationDto {
  @ApiProperty({
    description: 'True only for an authentic, unrevoked, unexpired certificate.',
    example: true,
  })
  valid: boolean;

  @ApiProperty({
    enum: ['VALID', 'REVOKED', 'EXPIRED', 'INVALID'],
    description:
      'INVALID: the stored content no longer matches its signature. An unknown number and a wrong code are both 404, alike.',
    example: 'VALID',
  })
  status: 'VALID' | 'REVOKED' | 'EXPIRED' | 'INVALID';

  @ApiPropertyOptional({
    type: PublicCertificateDto,
    description: 'Shown when authentic.',
  })
  certificate?: PublicCertificateDto;
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
