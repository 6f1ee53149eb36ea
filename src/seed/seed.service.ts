import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { CalendarService } from '../calendar/calendar.service';
import { BundlesService } from '../catalogue/bundles.service';
import { CatalogueService } from '../catalogue/catalogue.service';
import { DEPARTMENTS } from '../catalogue/data/departments';
import { TRIAL_INSTITUTIONS } from '../catalogue/data/trial-institutions';
import { AppConfig } from '../config/app-config';

/** Reference data every installation needs; safe to run on every boot and from several processes. */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly catalogue: CatalogueService,
    private readonly bundles: BundlesService,
    private readonly calendar: CalendarService,
  ) {}

  async seedReferenceData(): Promise<void> {
    await this.seedDepartments();
    await this.seedFirstAdmin();
    await this.calendar.seedOfficialYears();
    await this.catalogue.seedCatalogue();
    await this.bundles.seedBundles();
    await this.seedTrialInstitutions();
  }

  /**
   * The institutions the park's liaison office started with, on a new installation only: after
   * that they are managed records (the admins' /institutions), and a deactivated or edited one
   * is never put back.
   */
  private async seedTrialInstitutions(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO trial_institutions (code, name, name_en, specialties, gcp_specialties, indications)
       SELECT i.code, i.name, i.name_en, s.specialties, s.specialties, ARRAY(SELECT jsonb_array_elements_text(i.indications))
       FROM jsonb_to_recordset($1::jsonb) AS i(code text, name text, name_en text, specialties jsonb, indications jsonb)
       CROSS JOIN LATERAL (SELECT ARRAY(SELECT jsonb_array_elements_text(i.specialties)) AS specialties) s
       WHERE NOT EXISTS (SELECT 1 FROM trial_institutions)
       ON CONFLICT (code) DO NOTHING`,
      [
        JSON.stringify(
          TRIAL_INSTITUTIONS.map(({ nameEn, ...institution }) => ({
            ...institution,
            name_en: nameEn,
          })),
        ),
      ],
    );
  }

  private async seedDepartments(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO departments (code, name, name_en)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en
       WHERE (departments.name, departments.name_en) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en)`,
      [
        DEPARTMENTS.map((d) => d.code),
        DEPARTMENTS.map((d) => d.name),
        DEPARTMENTS.map((d) => d.nameEn),
      ],
    );
  }

  /** Creates the admin named by ADMIN_EMAIL once; a changed password in env never overwrites it. */
  private async seedFirstAdmin(): Promise<void> {
    const email = this.config.ADMIN_EMAIL.toLowerCase();
    const [existing] = await this.dataSource.query(`SELECT id FROM users WHERE lower(email) = $1`, [
      email,
    ]);
    if (existing) return;
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO users (email, password_hash, name, role) VALUES ($1, $2, $3, 'ADMIN')
       ON CONFLICT DO NOTHING RETURNING id`,
      [email, await hashPassword(this.config.ADMIN_PASSWORD), this.config.ADMIN_NAME],
    );
    if (inserted.length > 0) this.logger.log(`Created the first admin ${email}`);
  }
}
