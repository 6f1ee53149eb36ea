import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { ROLES } from '../common/auth/roles';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { AccountRateLimit, StrictRateLimit } from '../common/rate-limit/rate-limit.guard';
import { Created } from '../common/http/created.decorator';
import { EnterpriseDto } from '../enterprises/dto/enterprise.dto';
import { UserDto } from '../users/dto/user.dto';
import { AuthService } from './auth.service';
import { LoginDto, RefreshDto, RegisterDto, RegistrationDto, TokenPairDto } from './dto/auth.dto';
import { LoginAccount, RefreshSession } from './rate-limited-accounts';

class MeDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiPropertyOptional({ type: EnterpriseDto, nullable: true, description: 'Null for park staff.' })
  enterprise: EnterpriseDto | null;
}

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/register')
  @Public()
  @StrictRateLimit()
  @Created(RegistrationDto, (result) => `/api/v1/enterprises/${result.enterprise.id}`)
  @ApiOperation({
    summary: 'Register an enterprise and its first admin user; returns a session for that admin',
  })
  @ApiProblems(400, 409)
  register(@Body() body: RegisterDto): Promise<RegistrationDto> {
    return this.auth.register(body);
  }

  @Post('auth/login')
  @Public()
  @StrictRateLimit()
  @AccountRateLimit(LoginAccount)
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  login(@Body() body: LoginDto): Promise<TokenPairDto> {
    return this.auth.login(body);
  }

  @Post('auth/refresh')
  @Public()
  @StrictRateLimit()
  @AccountRateLimit(RefreshSession)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description:
      'Refresh tokens are single-use. Presenting one that was already used revokes the whole session.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblems(400, 401)
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the session the refresh token belongs to',
    description:
      "The session's refresh tokens and the access tokens issued from them stop working.",
  })
  @ApiProblems(400)
  logout(@Body() body: RefreshDto): Promise<void> {
    return this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user and their enterprise' })
  @ApiOkResponse({ type: MeDto })
  @ApiAuthProblems()
  me(@CurrentPrincipal() principal: UserPrincipal): Promise<MeDto> {
    return this.auth.me(principal.id);
  }
}
