import { PageOf } from '../../common/pagination/page';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '../../common/auth/roles';
import { User } from '../user.entity';

export class UserDto {
  @ApiProperty({ format: 'uuid', example: '0f1e2d3c-4b5a-6978-8f9e-d1c2b3a4f5e6' })
  id: string;

  @ApiProperty({ example: 'li.hua@yuanqi-bio.cn' })
  email: string;

  @ApiProperty({ example: '李华' })
  name: string;

  @ApiProperty({ enum: ROLES, example: 'ENTERPRISE_ADMIN' })
  role: Role;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: '5b3e0c1a-8d2f-4e6b-9a71-2c4d5e6f7a8b',
  })
  enterpriseId: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: null,
    description: 'Set for officers and department heads.',
  })
  departmentCode: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: null,
    description: 'Set for users of a service provider (PROVIDER_USER).',
  })
  providerId: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: null,
    description: 'Set for users of a clinical-trial institution (INSTITUTION_USER).',
  })
  institutionId: string | null;

  @ApiProperty({ example: true })
  active: boolean;

  @ApiProperty({ example: 1 })
  version: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T09:12:44.120Z' })
  createdAt: string;

  static from(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      enterpriseId: user.enterpriseId,
      departmentCode: user.departmentCode,
      providerId: user.providerId,
      institutionId: user.institutionId,
      active: user.active,
      version: user.version,
      createdAt: user.createdAt.toISOString(),
    };
  }
}

export class UserPageDto extends PageOf(UserDto) {}
