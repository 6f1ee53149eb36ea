import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** One year of official holiday data; a year without a row is provisional (weekends only). */
@Entity('calendar_years')
export class CalendarYear {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'date', array: true })
  holidays: string[];

  @Column({ type: 'date', array: true })
  makeUpWorkdays: string[];

  /** `chinese-days` for seeded years, `admin` for years an admin published. */
  @Column()
  source: string;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
