import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TtlCache } from '../common/cache/ttl-cache';
import { newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { AppConfig } from '../config/app-config';
import { escapeLike } from '../database/escape-like';
import { ChainSegment, Sector } from '../enterprises/enterprise.entity';
import { DeviceClass, PRODUCT_STAGES, ProductStage } from '../pipeline/pipeline-item';
import { DirectoryQuery, IndustryFilter } from './dto/directory-query.dto';
import {
  ApprovalYearDto,
  DirectoryEntryDto,
  IndustryAggregatesDto,
  MonthCountDto,
} from './dto/directory.dto';
import { PublicIndustryMapDto } from './dto/public-industry-map.dto';
import { ShownCount, suppressSmallCells } from './small-cells';

interface DirectoryRow {
  id: string;
  name: string;
  name_en: string | null;
  sector: Sector;
  chain_segment: ChainSegment | null;
  zone: string;
  verified: boolean;
  created_at: Date;
  products: number;
  devices: number;
  pending: number;
  lead_stage: ProductStage | null;
}

type RollupKind =
  'enterprise' | 'product' | 'device' | 'drug_approval' | 'device_approval' | 'device_filing';

interface RollupRow {
  kind: RollupKind;
  segment: string;
  zone: string;
  bucket: string;
  n: number;
}

const PUBLIC_RULE =
  'Verified enterprises and verified pipeline items only; no names; counts of 1 or 2 are shown as "<3", and in each table that has one, the smallest other count is withheld.';

const segmentOf = (segment: string) => (segment === '' ? null : (segment as ChainSegment));

/** The cells of one kind, with their bucket under its own name (stage, device class). */
const cellsOf = <B extends object>(rows: RollupRow[], kind: RollupKind, bucket: (b: string) => B) =>
  rows
    .filter((row) => row.kind === kind)
    .map((row) => ({
      segment: segmentOf(row.segment),
      zone: row.zone,
      ...bucket(row.bucket),
      count: row.n,
    }));

/**
 * The park's industry directory: enterprises by segment, zone and pipeline, and the counts of
 * the industry map, read from the rollup the database keeps (a few hundred cells, whatever
 * the number of enterprises). Dashboards and the public page poll the counts: one api process
 * computes them once per STATS_CACHE_MS and scope, as it does the statistics.
 */
@Injectable()
export class DirectoryService {
  private readonly counts: TtlCache<IndustryAggregatesDto>;
  private readonly publicCounts: TtlCache<PublicIndustryMapDto>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    config: AppConfig,
  ) {
    this.counts = new TtlCache(config.STATS_CACHE_MS);
    this.publicCounts = new TtlCache(config.STATS_CACHE_MS, 1);
  }

  /** One statement: the page of enterprises, then the pipeline summary of those on it. */
  async list(query: DirectoryQuery): Promise<Page<DirectoryEntryDto>> {
    const after = newestFirstPosition(query);
    const text = query.q ? `%${escapeLike(query.q)}%` : null;
    const prefix = query.q ? `${escapeLike(query.q.toUpperCase())}%` : null;
    const rows: DirectoryRow[] = await this.dataSource.query(
      `SELECT page.*, product.products, product.lead_stage, device.devices,
              product.product_pending + device.device_pending AS pending
       FROM (
         SELECT e.id, e.name, e.name_en, e.sector, e.chain_segment, e.zone,
                e.verified_at IS NOT NULL AS verified, e.created_at
         FROM enterprises e
         WHERE ($1::text IS NULL OR e.chain_segment = $1)
           AND ($2::text IS NULL OR e.zone = $2)
           AND ($3::text IS NULL OR EXISTS (
             SELECT 1 FROM pipeline_products p WHERE p.stage = $3 AND p.enterprise_id = e.id))
           AND ($4::text IS NULL OR EXISTS (
             SELECT 1 FROM pipeline_devices d WHERE d.device_class = $4 AND d.enterprise_id = e.id))
           -- An empty cell of the rollup answers at once, without walking the enterprises.
           AND ($3::text IS NULL OR EXISTS (
             SELECT 1 FROM industry_rollup r WHERE r.kind = 'product' AND r.bucket = $3 AND r.n > 0
               AND ($1::text IS NULL OR r.segment = $1) AND ($2::text IS NULL OR r.zone = $2)))
           AND ($4::text IS NULL OR EXISTS (
             SELECT 1 FROM industry_rollup r WHERE r.kind = 'device' AND r.bucket = $4 AND r.n > 0
               AND ($1::text IS NULL OR r.segment = $1) AND ($2::text IS NULL OR r.zone = $2)))
           AND ($5::boolean IS NULL OR $5 = (
             EXISTS (SELECT 1 FROM pipeline_products p WHERE p.enterprise_id = e.id AND p.verification = 'PENDING')
             OR EXISTS (SELECT 1 FROM pipeline_devices d WHERE d.enterprise_id = e.id AND d.verification = 'PENDING')))
           AND ($6::text IS NULL OR e.name ILIKE $6 OR e.name_en ILIKE $6 OR e.credit_code LIKE $7)
           AND ($8::timestamptz IS NULL OR (e.created_at, e.id) < ($8, $9::uuid))
         ORDER BY e.created_at DESC, e.id DESC
         LIMIT $10
       ) page
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS products,
                count(*) FILTER (WHERE p.verification = 'PENDING')::int AS product_pending,
                ($11::text[])[max(array_position($11::text[], p.stage))] AS lead_stage
         FROM pipeline_products p WHERE p.enterprise_id = page.id
       ) product
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS devices,
                count(*) FILTER (WHERE d.verification = 'PENDING')::int AS device_pending
         FROM pipeline_devices d WHERE d.enterprise_id = page.id
       ) device
       ORDER BY page.created_at DESC, page.id DESC`,
      [
        query.segment ?? null,
        query.zone ?? null,
        query.stage ?? null,
        query.deviceClass ?? null,
        query.pending === undefined ? null : query.pending === 'true',
        text,
        prefix,
        after.createdAt,
        after.id,
        query.limit + 1,
        PRODUCT_STAGES,
      ],
    );
    const page = newestFirstPage(rows, query, (row) => ({ createdAt: row.created_at, id: row.id }));
    return {
      data: page.data.map((row) => ({
        id: row.id,
        name: row.name,
        nameEn: row.name_en,
        sector: row.sector,
        chainSegment: row.chain_segment,
        zone: row.zone,
        verified: row.verified,
        pipeline: {
          products: row.products,
          devices: row.devices,
          pending: row.pending,
          leadStage: row.lead_stage,
        },
        createdAt: row.created_at.toISOString(),
      })),
      nextCursor: page.nextCursor,
    };
  }

  /** Everything the park counts, verified or not, for staff. */
  aggregates(filter: IndustryFilter): Promise<IndustryAggregatesDto> {
    return this.counts.get(`${filter.segment ?? ''}|${filter.zone ?? ''}`, () =>
      this.computeAggregates(filter),
    );
  }

  /**
   * For anyone, investors first: verified enterprises and items only, no names, small
   * counts suppressed table by table, and no filters (a filtered table subtracted from the
   * whole would single out what suppression hides).
   */
  publicMap(): Promise<PublicIndustryMapDto> {
    return this.publicCounts.get('park', () => this.computePublicMap());
  }

  private async computeAggregates(filter: IndustryFilter): Promise<IndustryAggregatesDto> {
    const rows = await this.rollup(filter, false);
    const sum = (kind: RollupKind) =>
      rows.filter((row) => row.kind === kind).reduce((total, row) => total + row.n, 0);
    return {
      ...this.shapeOf(rows),
      totals: { enterprises: sum('enterprise'), products: sum('product'), devices: sum('device') },
    };
  }

  private async computePublicMap(): Promise<PublicIndustryMapDto> {
    const staff = this.shapeOf(await this.rollup({}, true));
    const shown = <T extends { count: number }>(cells: T[]) => {
      const counts = suppressSmallCells(cells.map((cell) => cell.count));
      return cells.map((cell, i) => ({ ...cell, count: counts[i] }));
    };
    const series = (values: number[]): ShownCount[] => suppressSmallCells(values);
    const years = staff.approvalsPerYear;
    const [drugs, devices, filings] = [
      series(years.map((year) => year.drugs)),
      series(years.map((year) => year.devices)),
      series(years.map((year) => year.deviceFilings)),
    ];
    return {
      rule: PUBLIC_RULE,
      enterprises: shown(staff.enterprises),
      products: shown(staff.products),
      devices: shown(staff.devices),
      approvalsPerYear: years.map((year, i) => ({
        year: year.year,
        drugs: drugs[i],
        devices: devices[i],
        deviceFilings: filings[i],
      })),
      newEnterprisesPerMonth: shown(staff.newEnterprisesPerMonth),
    };
  }

  private shapeOf(rows: RollupRow[]) {
    return {
      enterprises: this.enterpriseCells(rows),
      products: cellsOf(rows, 'product', (stage) => ({ stage: stage as ProductStage })),
      devices: cellsOf(rows, 'device', (deviceClass) => ({
        deviceClass: deviceClass as DeviceClass,
      })),
      approvalsPerYear: this.approvalsPerYear(rows),
      newEnterprisesPerMonth: this.perMonth(rows),
    };
  }

  private async rollup(filter: IndustryFilter, verifiedOnly: boolean): Promise<RollupRow[]> {
    return this.dataSource.query(
      `SELECT kind, segment, zone, bucket, sum(n)::int AS n
       FROM industry_rollup
       WHERE ($1::text IS NULL OR segment = $1) AND ($2::text IS NULL OR zone = $2)
         AND (NOT $3 OR verified)
       GROUP BY kind, segment, zone, bucket
       HAVING sum(n) > 0
       ORDER BY kind, segment, zone, bucket`,
      [filter.segment ?? null, filter.zone ?? null, verifiedOnly],
    );
  }

  /** Enterprises are counted by month of registration; the map wants segment × zone. */
  private enterpriseCells(rows: RollupRow[]) {
    const cells = new Map<string, { segment: ChainSegment | null; zone: string; count: number }>();
    for (const row of rows.filter((r) => r.kind === 'enterprise')) {
      const key = `${row.segment}|${row.zone}`;
      const cell = cells.get(key) ?? { segment: segmentOf(row.segment), zone: row.zone, count: 0 };
      cell.count += row.n;
      cells.set(key, cell);
    }
    return [...cells.values()];
  }

  private perMonth(rows: RollupRow[]): MonthCountDto[] {
    const months = new Map<string, number>();
    for (const row of rows.filter((r) => r.kind === 'enterprise'))
      months.set(row.bucket, (months.get(row.bucket) ?? 0) + row.n);
    return [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, count]) => ({ month, count }));
  }

  private approvalsPerYear(rows: RollupRow[]): ApprovalYearDto[] {
    const years = new Map<number, ApprovalYearDto>();
    const field = {
      drug_approval: 'drugs',
      device_approval: 'devices',
      device_filing: 'deviceFilings',
    } as const;
    for (const row of rows) {
      if (!(row.kind in field)) continue;
      const year = Number(row.bucket);
      const entry = years.get(year) ?? { year, drugs: 0, devices: 0, deviceFilings: 0 };
      entry[field[row.kind as keyof typeof field]] += row.n;
      years.set(year, entry);
    }
    return [...years.values()].sort((a, b) => a.year - b.year);
  }
}
