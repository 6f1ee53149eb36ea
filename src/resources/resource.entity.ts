import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type {
  BookingEligibility,
  LateCancellation,
  ResourceCategory,
  ResourceKind,
} from './resource-rules';

const yuan = {
  to: (value?: number) => value,
  from: (value: string) => Number(value),
};
/** 'HH:MM:SS' from PostgreSQL, 'HH:MM' in the API. */
const timeOfDay = {
  to: (value?: string) => value,
  from: (value: string) => value.slice(0, 5),
};

/** A bookable platform, venue or instrument of the park; its units are in resource_units. */
@Entity('resources')
export class Resource {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  kind: ResourceKind;

  @Column({ type: 'text' })
  category: ResourceCategory;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  location: string;

  @Column({ type: 'text' })
  operatorDepartmentCode: string;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'time', transformer: timeOfDay })
  opensAt: string;

  @Column({ type: 'time', transformer: timeOfDay })
  closesAt: string;

  @Column({ type: 'integer' })
  slotMinutes: number;

  @Column({ type: 'integer' })
  minLeadHours: number;

  @Column({ type: 'integer' })
  maxBookingHours: number;

  @Column({ type: 'integer' })
  maxAdvanceDays: number;

  @Column({ type: 'text' })
  eligibility: BookingEligibility;

  @Column({ type: 'integer' })
  freeCancellationHours: number;

  @Column({ type: 'text' })
  lateCancellation: LateCancellation;

  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: yuan })
  priceCnyPerHour: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
