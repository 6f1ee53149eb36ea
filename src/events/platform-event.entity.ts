import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One immutable entry of the platform's history (the table refuses UPDATE and DELETE). */
@Entity('events')
export class PlatformEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({
    type: 'bigint',
    insert: false,
    update: false,
    generated: 'identity',
    generatedIdentity: 'ALWAYS',
  })
  seq: string;

  @Column()
  type: string;

  @Column({ type: 'uuid', nullable: true })
  enterpriseId: string | null;

  @Column()
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column()
  actorType: string;

  @Column({ type: 'jsonb', default: {} })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz', insert: false, update: false })
  occurredAt: Date;
}
