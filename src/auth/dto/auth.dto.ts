import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { EnterpriseDto } from '../../enterprises/dto/enterprise.dto';
import { NewEnterpriseDto } from '../../enterprises/dto/enterprise-profile.dto';
import { UserDto } from '../../users/dto/user.dto';
import { NestedObject } from '../../common/validation/nested';

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

export class RegisterDto {
  @ApiProperty({ type: NewEnterpriseDto })
  @NestedObject(() => NewEnterpriseDto)
  enterprise: NewEnterpriseDto;

  @ApiProperty({ type: NewPersonDto, description: "The enterprise's first ENTERPRISE_ADMIN user." })
  @NestedObject(() => NewPersonDto)
  admin: NewPersonDto;
}

export class LoginDto {
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
  @ApiProperty({ example: 'q3Xw0mZb9p5kC8v2T1sYhR6nL4eU7aJdGfKiBoNcWxE' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({
    description: 'JWT for `Authorization: Bearer`.',
    example: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwZjFlIn0.sig',
  })
  accessToken: string;

  @ApiProperty({
    description:
      'Single-use: each refresh returns a new one. Reusing an old one revokes the session.',
    example: 'q3Xw0mZb9p5kC8v2T1sYhR6nL4eU7aJdGfKiBoNcWxE',
  })
  refreshToken: string;

  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 })
  expiresIn: number;
}

export class RegistrationDto extends TokenPairDto {
  @ApiProperty({ type: EnterpriseDto })
  enterprise: EnterpriseDto;

  @ApiProperty({ type: UserDto })
  user: UserDto;
}
