import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface BundlePrerequisite {
  serviceCode: string;
  requires: string;
}

/** A "one thing" bundle: several services filed with one form and one set of materials. */
@Entity('bundles')
export class Bundle {
  @PrimaryColumn()
  code: string;

  @Column()
  name: string;

  @Column()
  nameEn: string;

  @Column()
  description: string;

  @Column({ type: 'text', array: true })
  serviceCodes: string[];

  @Column({ type: 'jsonb' })
  prerequisites: BundlePrerequisite[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
