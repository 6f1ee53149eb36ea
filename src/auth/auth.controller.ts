import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, Roles } from '../common/auth/auth.decorators';
import { UserPrincipal } from '../common/auth/principal';
import { ROLES } from '../common/auth/roles';
import { ApiAuthProblems, ApiProblems } from '../common/openapi/api-problems.decorator';
import { AccountRateLimit, StrictRateLimit } from '../common/rate-limit/rate-limit.guard';
import { Created } from '../common/http/created.decorator';
import { AuthService } from './auth.service';
import {
  LoginDto,
  MeDto,
  RefreshDto,
  RegisterDto,
  RegistrationDto,
  SessionDto,
} from './dto/auth.dto';
import { LoginAccount, RefreshSession } from './rate-limited-accounts';
import {
  REFRESH_COOKIE,
  RefreshCookie,
  presentedRefreshToken,
  requiredRefreshToken,
} from './refresh-cookie';

const COOKIE_SOURCE =
  `Browsers send the refresh token in the \`${REFRESH_COOKIE}\` cookie instead: leave ` +
  '`refreshToken` out and send `{}` as `application/json`. The cookie counts only beside a ' +
  'JSON body, which another site cannot send without a CORS preflight; with SameSite=Strict ' +
  'that keeps other sites from using it (no CSRF token needed).';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly refreshCookie: RefreshCookie,
  ) {}

  @Post('auth/register')
  @Public()
  @StrictRateLimit()
  @Created(RegistrationDto, (result) => `/api/v1/enterprises/${result.enterprise.id}`)
  @ApiOperation({
    summary: 'Register an enterprise and its first admin user; returns a session for that admin',
  })
  @ApiProblems(400, 409)
  async register(
    @Body() body: RegisterDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RegistrationDto> {
    const registered = await this.auth.register(body);
    return this.refreshCookie.deliver(reply, registered, body.refreshTokenIn ?? 'body');
  }

  @Post('auth/login')
  @Public()
  @StrictRateLimit()
  @AccountRateLimit(LoginAccount)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with email and password',
    description:
      'With `refreshTokenIn: cookie` the refresh token is set in an HttpOnly cookie rather ' +
      'than returned: the way for browsers, where scripts must not hold it. The answer carries ' +
      'the user and their enterprise, as `GET /me` describes them.',
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401)
  async login(
    @Body() body: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const session = await this.auth.login(body);
    return this.refreshCookie.deliver(reply, session, body.refreshTokenIn ?? 'body');
  }

  @Post('auth/refresh')
  @Public()
  @StrictRateLimit()
  @AccountRateLimit(RefreshSession)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for a new token pair',
    description:
      'Refresh tokens are single-use. Presenting one that was already used revokes the whole ' +
      'session. The new refresh token goes where the old one came from: the body, or the ' +
      `cookie (then the body leaves it out). ${COOKIE_SOURCE} Neither present: 401.`,
  })
  @ApiOkResponse({ type: SessionDto })
  @ApiProblems(400, 401)
  async refresh(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionDto> {
    const presented = requiredRefreshToken(request, body.refreshToken);
    const rotated = await this.auth.refresh(presented.token);
    return this.refreshCookie.deliver(reply, rotated, presented.from);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the session the refresh token belongs to',
    description:
      "The session's refresh tokens and the access tokens issued from them stop working. " +
      `${COOKIE_SOURCE} The cookie is always cleared; without any token there is no session ` +
      'to end, and the answer is 204 all the same.',
  })
  @ApiNoContentResponse({ description: 'Signed out; the cookie is cleared.' })
  @ApiProblems(400)
  async logout(
    @Body() body: RefreshDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    this.refreshCookie.clear(reply);
    const presented = presentedRefreshToken(request, body.refreshToken);
    if (presented) await this.auth.logout(presented.token);
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
