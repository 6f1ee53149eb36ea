import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'enterprise.creditCode' })
  field: string;

  @ApiProperty({ example: 'creditCode has a wrong check character (GB 32100-2015)' })
  message: string;
}

/** RFC 9457 problem details, as every error of this API is reported. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:parkline:problem:validation-failed' })
  type: string;

  @ApiProperty({ example: 'Request validation failed' })
  title: string;

  @ApiProperty({ example: 400 })
  status: number;

  @ApiProperty({ example: 'Invalid fields: enterprise.creditCode' })
  detail: string;

  @ApiPropertyOptional({ example: '/api/v1/auth/register' })
  instance?: string;

  @ApiPropertyOptional({ example: '6f1c2a9e-8b7d-4c3e-a2f1-0e9d8c7b6a51' })
  requestId?: string;

  @ApiPropertyOptional({ type: [FieldErrorDto], description: 'One item per invalid field.' })
  errors?: FieldErrorDto[];
}
