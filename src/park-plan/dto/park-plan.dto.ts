import { ApiProperty } from '@nestjs/swagger';
import { PARK_ZONES, ParkZone, PLAN_HEIGHT, PLAN_WIDTH, ZONE_CODES } from '../park-zones';

const POINT_SCHEMA = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
  description: '[x, y] in plan units, origin top left',
} as const;

export class ParkZoneDto {
  @ApiProperty({ enum: ZONE_CODES, example: 'CGT-PARK' })
  code: string;

  @ApiProperty({ example: '细胞与基因治疗产业园' })
  name: string;

  @ApiProperty({ example: 'Cell and gene therapy park' })
  nameEn: string;

  @ApiProperty({ example: '细胞制备中心、病毒载体与 GMP 洁净车间' })
  focus: string;

  @ApiProperty({ example: 'Cell preparation centre, viral vectors and GMP clean rooms' })
  focusEn: string;

  @ApiProperty({
    description: 'Closed outline in plan units, clockwise; the first point is not repeated.',
    type: 'array',
    items: POINT_SCHEMA,
    example: PARK_ZONES[3].outline,
  })
  outline: readonly (readonly [number, number])[];

  @ApiProperty({ ...POINT_SCHEMA, example: PARK_ZONES[3].label })
  label: readonly [number, number];
}

export class ParkPlanDto {
  @ApiProperty({ example: '杭州钱塘生物医药产业园 · 杭州医药港' })
  name: string;

  @ApiProperty({ example: 'Qiantang Biomedical Park · Hangzhou Medical Port' })
  nameEn: string;

  @ApiProperty({ description: 'Width of the plan space', example: PLAN_WIDTH })
  width: number;

  @ApiProperty({ description: 'Height of the plan space', example: PLAN_HEIGHT })
  height: number;

  @ApiProperty({ type: [ParkZoneDto] })
  zones: readonly ParkZone[];
}

export const PARK_PLAN: ParkPlanDto = {
  name: '杭州钱塘生物医药产业园 · 杭州医药港',
  nameEn: 'Qiantang Biomedical Park · Hangzhou Medical Port',
  width: PLAN_WIDTH,
  height: PLAN_HEIGHT,
  zones: PARK_ZONES,
};
