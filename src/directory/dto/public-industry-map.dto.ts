import { ApiProperty, ApiPropertyOptions, OmitType } from '@nestjs/swagger';
import { ShownCount } from '../small-cells';
import { DeviceCellDto, EnterpriseCellDto, MonthCountDto, ProductCellDto } from './directory.dto';

const SHOWN_COUNT_DESCRIPTION =
  'The count; "<3" for 1 or 2, and "withheld" for the smallest other count of a table that has such a cell, so that the table\'s total cannot reveal it.';

const shownCount = (description = SHOWN_COUNT_DESCRIPTION): ApiPropertyOptions => ({
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: ['<3', 'withheld'] },
  ],
  description,
  example: 17,
});

export class PublicEnterpriseCellDto extends OmitType(EnterpriseCellDto, ['count'] as const) {
  @ApiProperty(shownCount())
  count: ShownCount;
}

export class PublicProductCellDto extends OmitType(ProductCellDto, ['count'] as const) {
  @ApiProperty(shownCount())
  count: ShownCount;
}

export class PublicDeviceCellDto extends OmitType(DeviceCellDto, ['count'] as const) {
  @ApiProperty(shownCount())
  count: ShownCount;
}

export class PublicApprovalYearDto {
  @ApiProperty({ example: 2026 })
  year: number;

  @ApiProperty(shownCount(`Drug marketing approvals. ${SHOWN_COUNT_DESCRIPTION}`))
  drugs: ShownCount;

  @ApiProperty(shownCount(`Class II and III device registrations. ${SHOWN_COUNT_DESCRIPTION}`))
  devices: ShownCount;

  @ApiProperty(shownCount(`Class I device filings. ${SHOWN_COUNT_DESCRIPTION}`))
  deviceFilings: ShownCount;
}

export class PublicMonthCountDto extends OmitType(MonthCountDto, ['count'] as const) {
  @ApiProperty(shownCount())
  count: ShownCount;
}

export class PublicIndustryMapDto {
  @ApiProperty({
    description: 'How the figures are anonymised.',
    example:
      'Verified enterprises and verified pipeline items only; no names; counts of 1 or 2 are shown as "<3", and in each table that has one, the smallest other count is withheld.',
  })
  rule: string;

  @ApiProperty({ type: [PublicEnterpriseCellDto] })
  enterprises: PublicEnterpriseCellDto[];

  @ApiProperty({ type: [PublicProductCellDto] })
  products: PublicProductCellDto[];

  @ApiProperty({ type: [PublicDeviceCellDto] })
  devices: PublicDeviceCellDto[];

  @ApiProperty({ type: [PublicApprovalYearDto] })
  approvalsPerYear: PublicApprovalYearDto[];

  @ApiProperty({ type: [PublicMonthCountDto] })
  newEnterprisesPerMonth: PublicMonthCountDto[];
}
