import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('departments')
export class Department {
  @PrimaryColumn()
  code: string;

  @Column()
  name: string;

  @Column()
  nameEn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
