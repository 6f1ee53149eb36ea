import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { PublicCache } from '../common/http/cache-control';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { StrictRateLimit } from '../common/rate-limit/rate-limit.guard';
import { CertificatesService } from './certificates.service';
import {
  CertificateDto,
  CertificateVerificationDto,
  PublicKeyDto,
  RevokeInput,
} from './dto/certificate.dto';

class VerifyQuery {
  @ApiProperty({
    description:
      'The verification code printed on the certificate; case and hyphens do not matter.',
    example: '7K3M-Q9XA-2TNE-H4WD-8RBF-Z6PC-1VJS-G5YN',
  })
  @Matches(/^[0-9A-Za-z-]{6,64}$/, {
    message: 'code must be the verification code printed on the certificate',
  })
  code: string;
}

@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('public-key')
  @Public()
  // Short enough that verifiers pick up a newly added key the same day.
  @PublicCache(300)
  @ApiOperation({
    summary: 'The Ed25519 public keys that verify certificate signatures',
    description:
      'The Ed25519 public keys (with their key ids) that verify the signature of every certificate issued, including keys retired from signing. Public and cacheable for five minutes.',
  })
  @ApiOkResponse({ type: [PublicKeyDto] })
  @ApiProblems()
  listCertificatePublicKeys(): Promise<PublicKeyDto[]> {
    return this.certificates.publicKeys();
  }

  @Get(':number/verify')
  @Public()
  // Numbers are sequential, so the code is the secret: guesses get the sign-in limit.
  @StrictRateLimit()
  @ApiOperation({
    summary: 'Verify a certificate (anyone, no sign-in)',
    description:
      'Checks the code and the signature over the stored content, then answers VALID, REVOKED or EXPIRED; any alteration answers INVALID. ' +
      'An unknown number and a wrong code both answer the same 404. The answer shows what a verifier needs and nothing of the application: ' +
      'no form data and no people. Rate-limited like sign-in (`AUTH_RATE_LIMIT_PER_MINUTE`).',
  })
  @ApiOkResponse({ type: CertificateVerificationDto })
  @ApiProblems(400, 404)
  verifyCertificate(
    @Param('number') number: string,
    @Query() query: VerifyQuery,
  ): Promise<CertificateVerificationDto> {
    return this.certificates.verify(number, query.code);
  }

  @Post(':number/revoke')
  @Roles('DEPARTMENT_HEAD')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a certificate of your department, with a reason (heads)',
    description:
      'A department head revokes a certificate their department issued, with a reason; verification answers REVOKED from then on and a `certificate.revoked` event is sent. A certificate of another department is 404; one already revoked is 409.',
  })
  @ApiOkResponse({ type: CertificateDto })
  @ApiAuthProblems(400, 404, 409)
  revokeCertificate(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('number') number: string,
    @Body() body: RevokeInput,
  ): Promise<CertificateDto> {
    return this.certificates.revoke(principal, number, body.reason);
  }
}
