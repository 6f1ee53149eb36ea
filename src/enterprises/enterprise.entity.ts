import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export const SECTORS = [
  'ANTIBODY_PROTEIN',
  'CELL_GENE_THERAPY',
  'SMALL_MOLECULE',
  'VACCINE',
  'MEDICAL_DEVICE',
  'DIAGNOSTICS',
  'CXO',
  'DIGITAL_HEALTH',
  'OTHER',
] as const;
export type Sector = (typeof SECTORS)[number];

export const PIPELINE_STAGES = [
  'DISCOVERY',
  'PRECLINICAL',
  'CLINICAL_PHASE_1',
  'CLINICAL_PHASE_2',
  'CLINICAL_PHASE_3',
  'REGISTRATION',
  'COMMERCIAL',
  'SERVICES',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** The enterprise's place in the biomedical industry chain (产业链环节). */
export const CHAIN_SEGMENTS = [
  'RESEARCH_DEVELOPMENT',
  'CRO',
  'CDMO',
  'API_MANUFACTURING',
  'MEDICAL_DEVICES',
  'CELL_GENE_THERAPY',
  'DISTRIBUTION',
  'SERVICES',
] as const;
export type ChainSegment = (typeof CHAIN_SEGMENTS)[number];

@Entity('enterprises')
export class Enterprise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column({ type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'char', length: 18 })
  creditCode: string;

  @Column({ type: 'text' })
  sector: Sector;

  @Column({ type: 'text', nullable: true })
  chainSegment: ChainSegment | null;

  /** A zone code of the park plan (src/park-plan). */
  @Column()
  zone: string;

  @Column({ type: 'text', nullable: true })
  legalRepresentative: string | null;

  @Column({
    type: 'numeric',
    precision: 18,
    scale: 2,
    nullable: true,
    transformer: {
      to: (v?: number | null) => v,
      from: (v: string | null) => (v === null ? null : Number(v)),
    },
  })
  registeredCapitalCny: number | null;

  @Column({ type: 'date', nullable: true })
  establishedOn: string | null;

  @Column({ type: 'text', nullable: true })
  pipelineStage: PipelineStage | null;

  @Column({ type: 'text', nullable: true })
  contactName: string | null;

  @Column({ type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
