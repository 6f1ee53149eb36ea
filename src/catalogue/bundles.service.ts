import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/problem/domain-error';
import { mergeBundle } from './bundle-merge';
import { Bundle } from './bundle.entity';
import { BUNDLES } from './data';
import { BundleDto, BundleSummaryDto } from './dto/bundle.dto';
import { CatalogueService } from './catalogue.service';

const summaryOf = (bundle: Bundle): BundleSummaryDto => ({
  code: bundle.code,
  name: bundle.name,
  nameEn: bundle.nameEn,
  description: bundle.description,
  serviceCodes: bundle.serviceCodes,
  prerequisites: bundle.prerequisites,
});

@Injectable()
export class BundlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalogue: CatalogueService,
  ) {}

  async listBundles(): Promise<BundleSummaryDto[]> {
    const bundles = await this.dataSource.getRepository(Bundle).find({ order: { code: 'ASC' } });
    return bundles.map(summaryOf);
  }

  /** The bundle with its merged form and material list, over its services' current versions. */
  async getBundle(code: string): Promise<BundleDto> {
    const bundle = await this.dataSource.getRepository(Bundle).findOneBy({ code });
    if (!bundle) throw DomainError.notFound(`Bundle ${code}`);
    const members = await this.catalogue.currentVersionsOf(bundle.serviceCodes);
    const merged = mergeBundle(
      members.map(({ version }) => ({
        serviceCode: version.serviceCode,
        formSchema: version.definition.formSchema,
        materials: version.definition.materials,
      })),
    );
    return {
      ...summaryOf(bundle),
      services: members.map(({ service, version }) => ({
        serviceCode: service.code,
        name: version.definition.name,
        nameEn: version.definition.nameEn,
        departmentCode: version.definition.departmentCode,
        version: version.version,
      })),
      ...merged,
    };
  }

  /** Bundles are reference data without versions: the seed keeps them as the code says. */
  async seedBundles(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO bundles (code, name, name_en, description, service_codes, prerequisites)
       SELECT b.code, b.name, b.name_en, b.description, ARRAY(SELECT jsonb_array_elements_text(b.service_codes)), b.prerequisites
       FROM jsonb_to_recordset($1::jsonb)
         AS b(code text, name text, name_en text, description text, service_codes jsonb, prerequisites jsonb)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, name_en = EXCLUDED.name_en, description = EXCLUDED.description,
         service_codes = EXCLUDED.service_codes, prerequisites = EXCLUDED.prerequisites, updated_at = now()
       WHERE (bundles.name, bundles.name_en, bundles.description, bundles.service_codes, bundles.prerequisites)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.name_en, EXCLUDED.description, EXCLUDED.service_codes, EXCLUDED.prerequisites)`,
      [
        JSON.stringify(
          BUNDLES.map((bundle) => ({
            code: bundle.code,
            name: bundle.name,
            name_en: bundle.nameEn,
            description: bundle.description,
            service_codes: bundle.serviceCodes,
            prerequisites: bundle.prerequisites,
          })),
        ),
      ],
    );
  }
}
