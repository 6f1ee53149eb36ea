import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { EnterpriseDto } from '../../enterprises/dto/enterprise.dto';
import { NewEnterpriseDto } from '../../enterprises/dto/enterprise-profile.dto';
import { UserDto } from '../../users/dto/user.dto';
import { NestedObject } from '../../common/validation/nested';
import { REFRESH_COOKIE, REFRESH_TOKEN_DELIVERIES, RefreshTokenDelivery } from '../refresh-cookie';

export class NewPersonDto {
  @ApiProperty({ example: 'li.hua@qiming-bio.cn', maxLength: 254 })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Qiming-2026-secure', minLength: 10, maxLength: 128, writeOnly: true })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  password: string;

  @ApiProperty({ example: '李华', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;
}

/** How a new session's refresh token reaches the client. */
class SessionRequestDto {
  @ApiPropertyOptional({
    enum: REFRESH_TOKEN_DELIVERIES,
    example: 'body',
    description:
      'Default `body` (integrators): `refreshToken` in the response body. `cookie` (browsers): ' +
      `the body leaves it out and the server sets the \`${REFRESH_COOKIE}\` cookie ` +
      '(HttpOnly, SameSite=Strict, Path=/api/v1/auth, Secure on https), so scripts never ' +
      'see it; `POST /auth/refresh` and `/auth/logout` then read it from there.',
  })
  @IsOptional()
  @IsIn(REFRESH_TOKEN_DELIVERIES)
  refreshTokenIn?: RefreshTokenDelivery;
}

export class RegisterDto extends SessionRequestDto {
  @ApiProperty({ type: NewEnterpriseDto })
  @NestedObject(() => NewEnterpriseDto)
  enterprise: NewEnterpriseDto;

  @ApiProperty({ type: NewPersonDto, description: "The enterprise's first ENTERPRISE_ADMIN user." })
  @NestedObject(() => NewPersonDto)
  admin: NewPersonDto;
}

export class LoginDto extends SessionRequestDto {
  @ApiProperty({ example: 'li.hua@qiming-bio.cn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Qiming-2026-secure', writeOnly: true })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  password: string;
}

export class RefreshDto {
  @ApiPropertyOptional({
    example: 'q3Xw0mZb9p5kC8v2T1sYhR6nL4eU7aJdGfKiBoNcWxE',
    description:
      `Leave it out to use the \`${REFRESH_COOKIE}\` cookie instead (send \`{}\`); ` +
      'when both are present, this one counts.',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty({
    description: 'JWT for `Authorization: Bearer`.',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwZjFlIn0.sig',
  })
  accessToken: string;

  @ApiPropertyOptional({
    description:
      'Single-use: each refresh returns a new one. Reusing an old one revokes the session. ' +
      `Absent when the token travels in the \`${REFRESH_COOKIE}\` cookie: after a login or ` +
      'registration with `refreshTokenIn: cookie`, and after a refresh that read the cookie.',
    example: 'q3Xw0mZb9p5kC8v2T1sYhR6nL4eU7aJdGfKiBoNcWxE',
  })
  refreshToken?: string;

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 })
  expiresIn: number;
}

/** The signed-in user and their enterprise. */
export class MeDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;

  @ApiPropertyOptional({ type: EnterpriseDto, nullable: true, description: 'Null for park staff.' })
  enterprise: EnterpriseDto | null;
}

export type SessionUser = MeDto;

/** New tokens with the user they were issued to, so a client needs no second call for `/me`. */
export class SessionDto extends IntersectionType(TokenPairDto, MeDto) {}

export class RegistrationDto extends TokenPairDto {
  @ApiProperty({ type: EnterpriseDto })
  enterprise: EnterpriseDto;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}
