import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SlaState } from '../applications/application.entity';

export type TaskStatus = 'OPEN' | 'CLAIMED' | 'DONE' | 'CANCELLED';
export type TaskKind = 'STAGE' | 'RECTIFICATION';

@Entity('tasks')
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: TaskKind;

  @Column({ type: 'uuid' })
  applicationId: string;

  @Column({ type: 'text', nullable: true })
  stage: string | null;

  @Column()
  departmentCode: string;

  @Column({ type: 'text' })
  role: 'OFFICER' | 'DEPARTMENT_HEAD';

  @Column({ type: 'text' })
  status: TaskStatus;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ type: 'text' })
  slaState: SlaState;

  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  action: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @Column({ type: 'uuid', nullable: true })
  completedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ type: 'int' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
