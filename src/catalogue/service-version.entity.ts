import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceDefinition } from './service-definition';

export type ServiceVersionStatus = 'DRAFT' | 'PUBLISHED';

@Entity('service_versions')
export class ServiceVersion {
  @PrimaryColumn()
  serviceCode: string;

  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'text' })
  status: ServiceVersionStatus;

  @Column({ type: 'jsonb' })
  definition: ServiceDefinition;

  @Column()
  contentHash: string;

  @Column({ type: 'text' })
  source: 'SEED' | 'ADMIN';

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
