import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ApplicationStatus } from '../workflow/workflow-engine';

export type ApplicationKind = 'SINGLE' | 'BUNDLE' | 'CHILD';
export type SlaState = 'ON_TRACK' | 'AT_RISK' | 'OVERDUE' | 'PAUSED';

export interface SupplementItem {
  kind: 'material' | 'field';
  key: string;
  reason: string;
}

export interface SupplementRequest {
  stage: string;
  items: SupplementItem[];
  requestedAt: string;
  notice: number;
}

export interface Matching {
  declined: string[];
  current?: { institutionId: string; code: string; name: string; score: number };
}

@Entity('applications')
export class Application {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  number: string;

  @Column({ type: 'text' })
  kind: ApplicationKind;

  @Column({ type: 'uuid' })
  enterpriseId: string;

  @Column({ type: 'text', nullable: true })
  serviceCode: string | null;

  @Column({ type: 'int', nullable: true })
  serviceVersion: number | null;

  @Column({ type: 'text', nullable: true })
  bundleCode: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  renewalOf: string | null;

  @Column({ type: 'text' })
  status: ApplicationStatus;

  @Column({ type: 'text', nullable: true })
  stage: string | null;

  @Column({ type: 'text', nullable: true })
  departmentCode: string | null;

  @Column({ type: 'text', nullable: true })
  waitingFor: string | null;

  @Column({ type: 'jsonb' })
  form: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  facts: Record<string, string>;

  @Column({ type: 'jsonb' })
  supplementNotices: Record<string, number>;

  @Column({ type: 'jsonb', nullable: true })
  supplementRequest: SupplementRequest | null;

  @Column({ type: 'jsonb' })
  matching: Matching;

  @Column({ type: 'text', nullable: true })
  outcomeReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  /** The mandate a proxy drafted it under; null when the enterprise filed it itself. */
  @Column({ type: 'uuid', nullable: true })
  mandateId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'int', nullable: true })
  statutoryDays: number | null;

  @Column({ type: 'int', nullable: true })
  promisedDays: number | null;

  @Column({ type: 'int' })
  extensionDays: number;

  @Column({ type: 'text', nullable: true })
  extensionReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  extendedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pausedSince: Date | null;

  @Column({ type: 'int' })
  pausedWorkingDays: number;

  @Column({ type: 'timestamptz', nullable: true })
  statutoryDeadline: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  promisedDeadline: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  statutoryAtRiskAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  promisedAtRiskAt: Date | null;

  @Column()
  deadlineProvisional: boolean;

  @Column({ type: 'text' })
  statutoryState: SlaState;

  @Column({ type: 'text' })
  promisedState: SlaState;

  @Column({ type: 'text' })
  slaState: SlaState;

  @Column({ type: 'int' })
  slaGeneration: number;

  /** Working days to the first decision, for the statistics. */
  @Column({ type: 'int', nullable: true })
  decisionWorkingDays: number | null;

  @Column({ type: 'boolean', nullable: true })
  decidedOnTime: boolean | null;

  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  ratingComment: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'int' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
