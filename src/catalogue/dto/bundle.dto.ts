import { ApiProperty } from '@nestjs/swagger';
import { MaterialTypeDto } from './service.dto';

export class BundlePrerequisiteDto {
  @ApiProperty({
    description: 'This service starts only after the required one is approved.',
    example: 'LAB_ANIMAL_USE',
  })
  serviceCode: string;

  @ApiProperty({ example: 'PATHOGEN_LAB_FILING' })
  requires: string;
}

export class BundleMemberDto {
  @ApiProperty({ example: 'PATHOGEN_LAB_FILING' })
  serviceCode: string;

  @ApiProperty({ example: '病原微生物实验室备案' })
  name: string;

  @ApiProperty({ example: 'Pathogenic-microorganism laboratory filing' })
  nameEn: string;

  @ApiProperty({ example: 'HEALTH' })
  departmentCode: string;

  @ApiProperty({ description: 'The version the bundle would file under.', example: 1 })
  version: number;
}

export class BundleSummaryDto {
  @ApiProperty({ example: 'CELL_THERAPY_LAB' })
  code: string;

  @ApiProperty({ example: '开办细胞治疗研发实验室“一件事”' })
  name: string;

  @ApiProperty({ example: 'Open a cell-therapy R&D lab' })
  nameEn: string;

  @ApiProperty({ example: '一次填报、一套材料，并联办理五项许可与备案。' })
  description: string;

  @ApiProperty({
    type: [String],
    example: ['PATHOGEN_LAB_FILING', 'LAB_ANIMAL_USE', 'RADIATION_SAFETY'],
  })
  serviceCodes: string[];

  @ApiProperty({ type: [BundlePrerequisiteDto] })
  prerequisites: BundlePrerequisiteDto[];
}

export class MergedMaterialDto extends MaterialTypeDto {
  @ApiProperty({
    type: [String],
    description: 'Services that need it; it is provided once for all.',
    example: ['PATHOGEN_LAB_FILING', 'LAB_ANIMAL_USE'],
  })
  neededBy: string[];
}

export class BundleDto extends BundleSummaryDto {
  @ApiProperty({ type: [BundleMemberDto] })
  services: BundleMemberDto[];

  @ApiProperty({
    description: 'One form for the whole bundle: a field several services ask is asked once.',
    type: 'object',
    additionalProperties: true,
    example: {
      type: 'object',
      additionalProperties: false,
      required: ['project.name'],
      properties: {
        'project.name': { type: 'string', title: '项目名称', titleEn: 'Project name' },
      },
    },
  })
  formSchema: Record<string, unknown>;

  @ApiProperty({
    description: 'For each form field, the services that ask it.',
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: { 'project.name': ['PATHOGEN_LAB_FILING', 'LAB_ANIMAL_USE'] },
  })
  fieldsNeededBy: Record<string, string[]>;

  @ApiProperty({
    type: [MergedMaterialDto],
    description: 'One list of materials: a type several services need appears once.',
  })
  materials: MergedMaterialDto[];
}
