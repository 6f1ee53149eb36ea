import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class VerifyEnterpriseInput {
  @ApiPropertyOptional({
    description:
      'What the staff member checked; kept with the verification in the audit log and its event.',
    example: '已核验营业执照原件、法定代表人身份证与园区入驻协议',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}
