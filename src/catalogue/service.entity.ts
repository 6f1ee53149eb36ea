import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { KeyIssue, ServiceCategory } from './service-definition';

/** A service of the catalogue; what it asks and how it flows lives in its versions. */
@Entity('services')
export class Service {
  @PrimaryColumn()
  code: string;

  @Column({ type: 'text' })
  category: ServiceCategory;

  /** Department and names of the current published version, kept here for filtering. */
  @Column()
  departmentCode: string;

  @Column()
  name: string;

  @Column()
  nameEn: string;

  /** Key issues of the current published version, kept here for filtering. */
  @Column({ type: 'text', array: true })
  keyIssues: KeyIssue[];

  @Column({ type: 'int', nullable: true })
  currentVersion: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
