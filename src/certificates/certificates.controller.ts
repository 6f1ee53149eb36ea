import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { PublicCache } from '../common/http/cache-control';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { CertificatesService } from './certificates.service';
import {
  CertificateDto,
  CertificateVerificationDto,
  PublicKeyDto,
  RevokeInput,
} from './dto/certificate.dto';

class VerifyQuery {
  @ApiProperty({
    description: 'The verification code printed on the certificate.',
    example: 'K7QM2XPA9TNE',
  })
  @Matches(/^[0-9A-Za-z]{6,32}$/, {
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
  @ApiOperation({ summary: 'The Ed25519 public keys that verify certificate signatures' })
  @ApiOkResponse({ type: [PublicKeyDto] })
  publicKeys(): Promise<PublicKeyDto[]> {
    return this.certificates.publicKeys();
  }

  @Get(':number/verify')
  @Public()
  @ApiOperation({
    summary: 'Verify a certificate (anyone, no sign-in)',
    description:
      'Checks the code and the signature over the stored content, then answers VALID, REVOKED or EXPIRED; any alteration answers INVALID.',
  })
  @ApiOkResponse({ type: CertificateVerificationDto })
  @ApiProblems(400, 404)
  verify(
    @Param('number') number: string,
    @Query() query: VerifyQuery,
  ): Promise<CertificateVerificationDto> {
    return this.certificates.verify(number, query.code);
  }

  @Post(':number/revoke')
  @Roles('DEPARTMENT_HEAD')
  @ApiBearerAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a certificate of your department, with a reason (heads)' })
  @ApiOkResponse({ type: CertificateDto })
  @ApiAuthProblems(400, 404, 409)
  revoke(
    @CurrentPrincipal() principal: UserPrincipal,
    @Param('number') number: string,
    @Body() body: RevokeInput,
  ): Promise<CertificateDto> {
    return this.certificates.revoke(principal, number, body.reason);
  }
}
