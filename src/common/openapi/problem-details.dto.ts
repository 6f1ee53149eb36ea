import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IntakeWindowDto } from '../../catalogue/dto/service.dto';

export class FieldErrorDto {
  @ApiProperty({ example: 'enterprise.creditCode' })
  field: string;

  @ApiProperty({ example: 'creditCode has a wrong check character (GB 32100-2015)' })
  message: string;
}

export class WorkflowProblemDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'customs_review',
    description: 'The stage at fault; null for the workflow as a whole.',
  })
  stage: string | null;

  @ApiPropertyOptional({
    example: 'approve',
    description: 'The action, outcome or event whose transition is at fault.',
  })
  action?: string;

  @ApiProperty({ example: 'targets the unknown stage archive' })
  message: string;
}

/**
 * RFC 9457 problem details, as every error of this API is reported. The extension members
 * below appear on the problems that name them, so a client can act without parsing `detail`.
 */
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

  @ApiPropertyOptional({
    type: [String],
    example: ['complete'],
    description: 'A refused action (422): the actions the current state allows.',
  })
  allowedActions?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['SUSPENDED', 'DELISTED'],
    description: 'A refused status change (409): the statuses the current one may become.',
  })
  allowedStatuses?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['application/json'],
    description: 'An unsupported request body (415): the media types the route accepts.',
  })
  acceptedTypes?: string[];

  @ApiPropertyOptional({
    type: [IntakeWindowDto],
    description: 'A batch service with no open intake (422): its intake windows.',
  })
  intakeWindows?: IntakeWindowDto[];

  @ApiPropertyOptional({
    type: [WorkflowProblemDto],
    description:
      'A service version that cannot be published (400): what is wrong with its workflow.',
  })
  workflowProblems?: WorkflowProblemDto[];

  @ApiPropertyOptional({
    example: 1,
    description:
      'A capacity cut refused (409): the bookings to come that hold the units it would give up.',
  })
  heldBookings?: number;
}
