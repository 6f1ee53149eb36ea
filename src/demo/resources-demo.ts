import type { Pool } from 'pg';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import { minutesOfDay, shanghaiDate, shanghaiInstant } from '../resources/resource-rules';
import type { DemoRandom } from './demo-data';

/** A resource of the demo park, with the share of its working hours enterprises book. */
interface DemoResource {
  code: string;
  kind: 'PLATFORM' | 'VENUE' | 'INSTRUMENT';
  category: string;
  name: string;
  nameEn: string;
  location: string;
  operator: string;
  capacity: number;
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  maxBookingHours: number;
  price: number;
  eligibility: 'VERIFIED_ENTERPRISES' | 'ANY_ENTERPRISE';
  lateCancellation: 'REFUSED' | 'CHARGED';
  demand: number;
}

const PARK = '杭州医药港 钱塘生物医药产业园';

const PLATFORMS: DemoResource[] = [
  ['ANTIBODY', '抗体药物公共技术平台', 'Antibody drug platform', 'A3 幢 2 层', 'PSC', 2, 680],
  [
    'GENE_EDITING_CELL_THERAPY',
    '基因编辑与细胞治疗公共技术平台',
    'Gene editing and cell therapy platform',
    'A5 幢 1 层 GMP 区',
    'PSC',
    2,
    880,
  ],
  [
    'SMALL_MOLECULE',
    '小分子药物公共技术平台',
    'Small-molecule drug platform',
    'B1 幢 4 层',
    'PSC',
    2,
    520,
  ],
  [
    'BIG_DATA_GENOME',
    '生物医药大数据与基因组公共平台',
    'Biomedical big data and genome platform',
    '数据中心 3 层',
    'SCITECH',
    3,
    260,
  ],
  [
    'STEM_CELL_BANK',
    '干细胞库公共服务平台',
    'Stem-cell bank platform',
    'A6 幢 负一层',
    'SCITECH',
    1,
    420,
  ],
  [
    'LABORATORY_ANIMALS',
    '实验动物中心',
    'Laboratory animal center',
    'C1 幢 SPF 屏障设施',
    'PSC',
    3,
    360,
  ],
  [
    'PHARMACOLOGY_SAFETY',
    '药理与安全性评价公共平台',
    'Pharmacology and safety evaluation platform',
    'C2 幢 GLP 实验室',
    'PSC',
    2,
    960,
  ],
].map(([category, name, nameEn, place, operator, capacity, price]) => ({
  code: `PLT-${String(category).replace(/_/g, '-')}`,
  kind: 'PLATFORM' as const,
  category: String(category),
  name: String(name),
  nameEn: String(nameEn),
  location: `${PARK} ${place}`,
  operator: String(operator),
  capacity: Number(capacity),
  opensAt: '08:30',
  closesAt: '17:30',
  slotMinutes: 60,
  maxBookingHours: 8,
  price: Number(price),
  eligibility: 'VERIFIED_ENTERPRISES' as const,
  lateCancellation: 'CHARGED' as const,
  demand: 0.55,
}));

const VENUE_KINDS = [
  {
    category: 'LAB',
    count: 10,
    name: '共享实验室',
    nameEn: 'Shared laboratory',
    capacity: 1,
    price: 220,
    hours: 8,
    demand: 0.5,
  },
  {
    category: 'OFFICE',
    count: 8,
    name: '共享办公室',
    nameEn: 'Shared office',
    capacity: 1,
    price: 60,
    hours: 8,
    demand: 0.4,
  },
  {
    category: 'GMP_PLANT',
    count: 3,
    name: 'GMP 中试车间',
    nameEn: 'GMP pilot plant',
    capacity: 1,
    price: 1800,
    hours: 8,
    demand: 0.35,
  },
  {
    category: 'INCUBATOR_DESK',
    count: 4,
    name: '孵化器开放工位区',
    nameEn: 'Incubator open desks',
    capacity: 24,
    price: 15,
    hours: 8,
    demand: 0.45,
  },
  {
    category: 'MEETING_ROOM',
    count: 5,
    name: '会议室',
    nameEn: 'Meeting room',
    capacity: 1,
    price: 120,
    hours: 4,
    demand: 0.5,
  },
] as const;

const VENUES: DemoResource[] = VENUE_KINDS.flatMap((venue) =>
  Array.from({ length: venue.count }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return {
      code: `VEN-${venue.category.replace(/_/g, '-')}-${number}`,
      kind: 'VENUE' as const,
      category: venue.category,
      name: `${venue.name} ${number}`,
      nameEn: `${venue.nameEn} ${number}`,
      location: `${PARK} ${['A', 'B', 'C', 'D'][index % 4]}${(index % 6) + 1} 幢 ${(index % 5) + 1} 层`,
      operator: 'PSC',
      capacity: venue.capacity,
      opensAt: '08:00',
      closesAt: '20:00',
      slotMinutes: 60,
      maxBookingHours: venue.hours,
      price: venue.price,
      eligibility:
        venue.category === 'MEETING_ROOM'
          ? ('ANY_ENTERPRISE' as const)
          : ('VERIFIED_ENTERPRISES' as const),
      lateCancellation:
        venue.category === 'GMP_PLANT' ? ('REFUSED' as const) : ('CHARGED' as const),
      demand: venue.demand,
    };
  }),
);

const INSTRUMENT_MODELS = [
  [
    'MASS_SPECTROMETRY',
    'MS',
    '液质联用仪 Thermo Orbitrap Exploris 480',
    'Thermo Orbitrap Exploris 480 LC-MS',
    3,
    520,
  ],
  ['MASS_SPECTROMETRY', 'QQQ', '三重四极杆质谱 SCIEX 7500', 'SCIEX 7500 triple quadrupole', 2, 450],
  ['CHROMATOGRAPHY', 'HPLC', '高效液相色谱仪 Agilent 1260', 'Agilent 1260 HPLC', 4, 160],
  ['CHROMATOGRAPHY', 'FPLC', '蛋白纯化系统 ÄKTA pure', 'ÄKTA pure protein purification', 3, 180],
  [
    'FLOW_CYTOMETRY',
    'FACS',
    '流式细胞分选仪 BD FACSAria III',
    'BD FACSAria III cell sorter',
    2,
    380,
  ],
  ['FLOW_CYTOMETRY', 'FCM', '流式细胞分析仪 Beckman CytoFLEX', 'Beckman CytoFLEX analyser', 3, 220],
  ['SEQUENCING', 'NGS', '高通量测序仪 Illumina NovaSeq 6000', 'Illumina NovaSeq 6000', 1, 1200],
  ['SEQUENCING', 'SEQ', '基因测序仪 MGI DNBSEQ-T7', 'MGI DNBSEQ-T7 sequencer', 1, 980],
  ['MICROSCOPY', 'CONF', '激光共聚焦显微镜 Zeiss LSM 980', 'Zeiss LSM 980 confocal', 2, 300],
  ['MICROSCOPY', 'CRYO', '冷冻电镜 Thermo Glacios', 'Thermo Glacios cryo-EM', 1, 2400],
  ['BIOREACTOR', 'BR', '一次性生物反应器 200L', 'Single-use bioreactor 200 L', 2, 650],
  ['NMR', 'NMR', '核磁共振波谱仪 Bruker 600 MHz', 'Bruker 600 MHz NMR', 1, 700],
  ['OTHER_INSTRUMENT', 'SPR', '分子相互作用仪 Biacore 8K', 'Biacore 8K SPR', 2, 420],
] as const;

const INSTRUMENTS: DemoResource[] = INSTRUMENT_MODELS.flatMap(
  ([category, short, name, nameEn, count, price]) =>
    Array.from({ length: count }, (_, index) => {
      const number = String(index + 1).padStart(2, '0');
      return {
        code: `INS-${short}-${number}`,
        kind: 'INSTRUMENT' as const,
        category,
        name: `${name} #${number}`,
        nameEn: `${nameEn} #${number}`,
        location: `${PARK} B2 幢 公共仪器平台 ${index + 2} 层`,
        operator: 'PSC',
        capacity: 1,
        opensAt: '08:30',
        closesAt: '21:30',
        slotMinutes: 30,
        maxBookingHours: 6,
        price,
        eligibility: 'VERIFIED_ENTERPRISES' as const,
        lateCancellation: 'CHARGED' as const,
        demand: 0.6,
      };
    }),
);

export const DEMO_RESOURCES: readonly DemoResource[] = [...PLATFORMS, ...VENUES, ...INSTRUMENTS];

const HISTORY_DAYS = 120;
const AHEAD_DAYS = 21;
const PURPOSES = [
  'PKL-201 CAR-T 细胞株流式检测',
  '抗 PD-1 单抗 工艺放大批次',
  '小分子候选化合物 代谢产物鉴定',
  'mRNA 疫苗 脂质纳米粒表征',
  'IND 申报 毒理学样品分析',
  '单细胞测序 文库质控',
  '投资人路演与项目评审会',
  '新员工 GMP 培训',
];

interface PlannedBooking {
  resource_id: string;
  unit_id: string;
  enterprise_id: string;
  requested_by: string;
  starts: Date;
  ends: Date;
  status: 'REQUESTED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED';
  purpose: string;
  price: number;
  fee: number | null;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  cancelled_at: Date | null;
  created_at: Date;
}

/**
 * The park's platforms, venues and instruments with their units, and four months of bookings
 * (three weeks ahead) by its verified enterprises: resources already there are left alone, and
 * bookings are planned only for resources this run created, so a rerun never overlaps.
 */
export async function seedResourcesDemo(
  pool: Pool,
  random: DemoRandom,
  now: Date,
  calendar: WorkingDayCalendar,
): Promise<{ resources: number; bookings: number }> {
  const created = await pool.query<{ id: string; code: string }>(
    `INSERT INTO resources (code, kind, category, name, name_en, location, operator_department_code, capacity,
        opens_at, closes_at, slot_minutes, min_lead_hours, max_booking_hours, max_advance_days, eligibility,
        free_cancellation_hours, late_cancellation, price_cny_per_hour)
     SELECT r.code, r.kind, r.category, r.name, r.name_en, r.location, r.operator, r.capacity, r.opens_at::time,
            r.closes_at::time, r.slot_minutes, 24, r.max_booking_hours, 60, r.eligibility, 48, r.late_cancellation, r.price
     FROM jsonb_to_recordset($1::jsonb) AS r(code text, kind text, category text, name text, name_en text,
        location text, operator text, capacity int, opens_at text, closes_at text, slot_minutes int,
        max_booking_hours int, eligibility text, late_cancellation text, price numeric)
     ON CONFLICT (code) DO NOTHING RETURNING id, code`,
    [
      JSON.stringify(
        DEMO_RESOURCES.map((resource) => ({
          ...resource,
          name_en: resource.nameEn,
          opens_at: resource.opensAt,
          closes_at: resource.closesAt,
          slot_minutes: resource.slotMinutes,
          max_booking_hours: resource.maxBookingHours,
          late_cancellation: resource.lateCancellation,
        })),
      ),
    ],
  );
  if (created.rows.length === 0) return { resources: 0, bookings: 0 };
  const units = await pool.query<{ id: string; resource_id: string; number: number }>(
    `INSERT INTO resource_units (resource_id, number)
     SELECT r.id, generate_series(1, r.capacity) FROM resources r WHERE r.id = ANY($1)
     RETURNING id, resource_id, number`,
    [created.rows.map((row) => row.id)],
  );
  const [enterprises, staff] = await Promise.all([
    pool.query<{ id: string; user_id: string }>(
      `SELECT e.id, min(u.id::text)::uuid AS user_id FROM enterprises e
       JOIN users u ON u.enterprise_id = e.id AND u.role = 'ENTERPRISE_ADMIN'
       WHERE e.verified_at IS NOT NULL GROUP BY e.id ORDER BY e.id`,
    ),
    pool.query<{ id: string; department_code: string }>(
      `SELECT id, department_code FROM users WHERE role IN ('OFFICER', 'DEPARTMENT_HEAD') AND active ORDER BY id`,
    ),
  ]);
  if (enterprises.rows.length === 0) return { resources: created.rows.length, bookings: 0 };
  // A few tenants book most: the park's regulars.
  const regulars = enterprises.rows.filter((_, index) => index % 7 === 0);
  const byCode = new Map(DEMO_RESOURCES.map((resource) => [resource.code, resource]));
  const unitsOf = new Map<string, { id: string; number: number }[]>();
  for (const unit of units.rows)
    unitsOf.set(unit.resource_id, [...(unitsOf.get(unit.resource_id) ?? []), unit]);

  const planned: PlannedBooking[] = [];
  const days: string[] = [];
  for (let offset = -HISTORY_DAYS; offset <= AHEAD_DAYS; offset++) {
    const date = shanghaiDate(new Date(now.getTime() + offset * 86_400_000));
    if (calendar.isWorkingDay(date)) days.push(date);
  }
  for (const row of created.rows) {
    const resource = byCode.get(row.code)!;
    const operators = staff.rows.filter((member) => member.department_code === resource.operator);
    // Desks of an incubator fill a handful of units a day, not all of them.
    const bookedUnits = (unitsOf.get(row.id) ?? []).slice(0, 6);
    for (const date of days) {
      for (const unit of bookedUnits) {
        if (!random.chance(resource.demand * 0.35)) continue;
        let minute = minutesOfDay(resource.opensAt) + resource.slotMinutes * random.int(0, 4);
        const closes = minutesOfDay(resource.closesAt);
        while (minute < closes) {
          const slots = random.int(
            1,
            Math.max(1, (resource.maxBookingHours * 60) / resource.slotMinutes),
          );
          const end = Math.min(minute + slots * resource.slotMinutes, closes);
          const starts = shanghaiInstant(date, minute);
          const ends = shanghaiInstant(date, end);
          const enterprise = random.chance(0.5)
            ? random.pick(regulars)
            : random.pick(enterprises.rows);
          const past = ends < now;
          const status = past
            ? random.weighted([
                ['CONFIRMED', 85],
                ['DECLINED', 6],
                ['CANCELLED', 9],
              ] as const)
            : random.weighted([
                ['REQUESTED', 45],
                ['CONFIRMED', 50],
                ['CANCELLED', 5],
              ] as const);
          const createdAt = new Date(
            Math.min(
              starts.getTime() - random.int(26, 24 * 20) * 3_600_000,
              now.getTime() - 60_000,
            ),
          );
          const decided = status === 'CONFIRMED' || status === 'DECLINED';
          const price = Math.round(((end - minute) / 60) * resource.price * 100) / 100;
          planned.push({
            resource_id: row.id,
            unit_id: unit.id,
            enterprise_id: enterprise.id,
            requested_by: enterprise.user_id,
            starts,
            ends,
            status,
            purpose: random.pick(PURPOSES),
            price,
            fee: status === 'CANCELLED' ? (random.chance(0.3) ? price : 0) : null,
            decided_by: decided && operators.length ? random.pick(operators).id : null,
            decided_at: decided
              ? new Date(createdAt.getTime() + random.int(1, 20) * 3_600_000)
              : null,
            decision_reason: status === 'DECLINED' ? '该时段设备维护，请改约其他时段' : null,
            cancelled_at: status === 'CANCELLED' ? new Date(createdAt.getTime() + 3_600_000) : null,
            created_at: createdAt,
          });
          if (!random.chance(0.45)) break;
          minute = end + resource.slotMinutes * random.int(0, 3);
        }
      }
    }
  }
  const column = <K extends keyof PlannedBooking>(key: K) => planned.map((booking) => booking[key]);
  const inserted = await pool.query(
    `INSERT INTO bookings (resource_id, unit_id, enterprise_id, requested_by, during, status, purpose, price_cny,
        cancellation_fee_cny, decided_by, decided_at, decision_reason, cancelled_at, created_at, updated_at)
     SELECT resource_id, unit_id, enterprise_id, requested_by, tstzrange(starts, ends), status, purpose, price, fee,
            decided_by, decided_at, decision_reason, cancelled_at, created_at, coalesce(cancelled_at, decided_at, created_at)
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::timestamptz[], $6::timestamptz[], $7::text[],
                 $8::text[], $9::numeric[], $10::numeric[], $11::uuid[], $12::timestamptz[], $13::text[],
                 $14::timestamptz[], $15::timestamptz[])
       AS b(resource_id, unit_id, enterprise_id, requested_by, starts, ends, status, purpose, price, fee,
            decided_by, decided_at, decision_reason, cancelled_at, created_at)`,
    [
      column('resource_id'),
      column('unit_id'),
      column('enterprise_id'),
      column('requested_by'),
      column('starts'),
      column('ends'),
      column('status'),
      column('purpose'),
      column('price'),
      column('fee'),
      column('decided_by'),
      column('decided_at'),
      column('decision_reason'),
      column('cancelled_at'),
      column('created_at'),
    ],
  );
  await pool.query('ANALYZE resources, resource_units, bookings');
  return { resources: created.rows.length, bookings: inserted.rowCount ?? 0 };
}
