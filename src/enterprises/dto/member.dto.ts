import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NewPersonDto } from '../../auth/dto/auth.dto';
import { ENTERPRISE_ROLES } from '../../common/auth/roles';

export class NewMemberDto extends NewPersonDto {
  @ApiProperty({ enum: ENTERPRISE_ROLES, example: 'ENTERPRISE_MEMBER' })
  @IsIn(ENTERPRISE_ROLES)
  role: 'ENTERPRISE_ADMIN' | 'ENTERPRISE_MEMBER';
}
