import { randomUUID } from 'node:crypto';
import type { Application, SupplementItem } from '../applications/application.entity';
import { riskScreening } from '../applications/stage-handlers';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { JsonSchema, ServiceDefinition } from '../catalogue/service-definition';
import { requiredMaterials } from '../catalogue/situations';
import type { ChainSegment, PipelineStage, Sector } from '../enterprises/enterprise.entity';
import type { ZoneCode } from '../park-plan/park-zones';
import { creditCodeCheckCharacter } from '../enterprises/credit-code';
import { computeSla, SlaView } from '../sla/sla';
import type { HumanStage, Stage, Target, WorkflowDefinition } from '../workflow/workflow.types';
import { FINISHED_STATUSES } from '../workflow/workflow-engine';

/** mulberry32: one 32-bit integer of state, so a seed replays the same park. */
export class DemoRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** An integer from min to max, both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let remaining = this.next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of choices) {
      remaining -= weight;
      if (remaining < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** Log-normal around 1: a few heavy users, many light ones. */
  skewed(sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
}

/** Picks items in proportion to their weights, by binary search over the running sums. */
class WeightedTable<T> {
  private readonly sums: number[] = [];

  constructor(
    private readonly items: readonly T[],
    weightOf: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) this.sums.push((sum += Math.max(0, weightOf(item))));
  }

  pick(random: DemoRandom): T {
    const target = random.next() * this.sums[this.sums.length - 1];
    let low = 0;
    let high = this.sums.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sums[middle] <= target) low = middle + 1;
      else high = middle;
    }
    return this.items[low];
  }
}

const DAY_MS = 86_400_000;
// Asia/Shanghai has no DST, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Days since 1970-01-01 of an instant's Asia/Shanghai date. */
export const shanghaiDay = (instant: Date) =>
  Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
const localDateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Working-day arithmetic on Shanghai day numbers over the platform's calendar. */
export class DemoCalendar {
  // A hundred thousand applications ask about the same few hundred days over and over.
  private readonly workingDayCache = new Map<number, boolean>();

  constructor(readonly workingDays: WorkingDayCalendar) {}

  isWorkingDay(day: number): boolean {
    let working = this.workingDayCache.get(day);
    if (working === undefined) {
      working = this.workingDays.isWorkingDay(localDateOf(day));
      this.workingDayCache.set(day, working);
    }
    return working;
  }

  /** The n-th working day after `day`. */
  after(day: number, n: number): number {
    return this.step(day, n, 1);
  }

  /** The n-th working day before `day`. */
  before(day: number, n: number): number {
    return this.step(day, n, -1);
  }

  /** `day` itself when people work on it, else the next working day. */
  workingDayFrom(day: number): number {
    return this.isWorkingDay(day) ? day : this.after(day, 1);
  }

  /** A working day from first to last, each equally likely (weekends do not pile onto Mondays). */
  randomWorkingDay(first: number, last: number, random: DemoRandom): number {
    for (let attempt = 0; attempt < 20; attempt++) {
      const day = random.int(first, last);
      if (this.isWorkingDay(day)) return day;
    }
    return this.workingDayFrom(first);
  }

  /** An office-hours instant strictly between two instants if the span holds one, else any. */
  officeTimeBetween(from: Date, to: Date, random: DemoRandom): Date {
    for (let attempt = 0; attempt < 20; attempt++) {
      const instant = this.officeTime(
        this.randomWorkingDay(shanghaiDay(from), shanghaiDay(to), random),
        random,
      );
      if (instant > from && instant < to) return instant;
    }
    return new Date(from.getTime() + (to.getTime() - from.getTime()) * random.between(0.1, 0.9));
  }

  /** 09:00 Shanghai on `day`. */
  opening(day: number): Date {
    return new Date(day * DAY_MS - SHANGHAI_OFFSET_MS + 9 * 3_600_000);
  }

  /** An instant during office hours (09:00–17:30 Shanghai) of `day`. */
  officeTime(day: number, random: DemoRandom): Date {
    return new Date(this.opening(day).getTime() + random.int(0, 8.5 * 3_600_000));
  }

  localDate(day: number): string {
    return localDateOf(day);
  }

  private step(day: number, n: number, direction: 1 | -1): number {
    let result = day;
    for (let remaining = n; remaining > 0;) {
      result += direction;
      if (this.isWorkingDay(result)) remaining--;
    }
    return result;
  }
}

// Two syllables make a trade name. Each list spells every syllable differently, so English names
// stay as distinct as Chinese ones; pairs that spell well-known companies are left out.
const NAME_HEADS = [
  ['启', 'Qi'],
  ['康', 'Kang'],
  ['博', 'Bo'],
  ['华', 'Hua'],
  ['瑞', 'Rui'],
  ['恒', 'Heng'],
  ['嘉', 'Jia'],
  ['盛', 'Sheng'],
  ['智', 'Zhi'],
  ['卓', 'Zhuo'],
  ['天', 'Tian'],
  ['诺', 'Nuo'],
  ['泽', 'Ze'],
  ['和', 'He'],
  ['明', 'Ming'],
  ['源', 'Yuan'],
  ['亚', 'Ya'],
  ['金', 'Jin'],
  ['科', 'Ke'],
  ['普', 'Pu'],
  ['德', 'De'],
  ['安', 'An'],
  ['宏', 'Hong'],
  ['海', 'Hai'],
  ['英', 'Ying'],
  ['晶', 'Jing'],
  ['鼎', 'Ding'],
  ['君', 'Jun'],
  ['朗', 'Lang'],
  ['思', 'Si'],
] as const;
const NAME_TAILS = [
  ['远', 'yuan'],
  ['霖', 'lin'],
  ['恩', 'en'],
  ['衍', 'yan'],
  ['辰', 'chen'],
  ['宁', 'ning'],
  ['晟', 'sheng'],
  ['欣', 'xin'],
  ['禾', 'he'],
  ['正', 'zheng'],
  ['弘', 'hong'],
  ['拓', 'tuo'],
  ['曦', 'xi'],
  ['联', 'lian'],
  ['创', 'chuang'],
  ['途', 'tu'],
  ['翔', 'xiang'],
  ['迈', 'mai'],
  ['曜', 'yao'],
  ['驰', 'chi'],
  ['峰', 'feng'],
  ['澜', 'lan'],
  ['凯', 'kai'],
  ['立', 'li'],
  ['瀚', 'han'],
  ['星', 'xing'],
  ['樾', 'yue'],
  ['翎', 'ling'],
  ['誉', 'yu'],
  ['衡', 'heng'],
] as const;

interface SectorProfile {
  sector: Sector;
  weight: number;
  /** Chinese business-scope word, English one, and the short tag used in e-mail domains. */
  styles: readonly (readonly [string, string, string])[];
  pipeline: readonly (readonly [PipelineStage, number])[];
  /** Where in the industry chain enterprises of the sector sit. */
  segments: readonly (readonly [ChainSegment, number])[];
}

const DRUG_PIPELINE: SectorProfile['pipeline'] = [
  ['DISCOVERY', 15],
  ['PRECLINICAL', 30],
  ['CLINICAL_PHASE_1', 20],
  ['CLINICAL_PHASE_2', 12],
  ['CLINICAL_PHASE_3', 6],
  ['REGISTRATION', 4],
  ['COMMERCIAL', 8],
];
const DEVICE_PIPELINE: SectorProfile['pipeline'] = [
  ['PRECLINICAL', 20],
  ['REGISTRATION', 30],
  ['COMMERCIAL', 50],
];

const SECTOR_PROFILES: readonly SectorProfile[] = [
  {
    sector: 'ANTIBODY_PROTEIN',
    weight: 18,
    styles: [
      ['生物医药', 'Biopharma', 'bio'],
      ['生物制药', 'Biologics', 'biologics'],
    ],
    pipeline: DRUG_PIPELINE,
    segments: [
      ['RESEARCH_DEVELOPMENT', 6],
      ['API_MANUFACTURING', 2],
      ['CDMO', 1],
    ],
  },
  {
    sector: 'CELL_GENE_THERAPY',
    weight: 15,
    styles: [
      ['细胞治疗技术', 'Cell Therapeutics', 'cell'],
      ['基因科技', 'Gene Technology', 'gene'],
    ],
    pipeline: DRUG_PIPELINE,
    segments: [['CELL_GENE_THERAPY', 1]],
  },
  {
    sector: 'SMALL_MOLECULE',
    weight: 14,
    styles: [
      ['医药科技', 'Pharmaceutical Technology', 'pharma'],
      ['药业', 'Pharmaceuticals', 'pharma'],
    ],
    pipeline: DRUG_PIPELINE,
    segments: [
      ['RESEARCH_DEVELOPMENT', 4],
      ['API_MANUFACTURING', 4],
    ],
  },
  {
    sector: 'VACCINE',
    weight: 5,
    styles: [
      ['生物制品', 'Biological Products', 'vax'],
      ['疫苗', 'Vaccines', 'vaccines'],
    ],
    pipeline: DRUG_PIPELINE,
    segments: [
      ['RESEARCH_DEVELOPMENT', 1],
      ['API_MANUFACTURING', 1],
    ],
  },
  {
    sector: 'MEDICAL_DEVICE',
    weight: 16,
    styles: [
      ['医疗器械', 'Medical Devices', 'med'],
      ['医疗科技', 'Medical Technology', 'medtech'],
    ],
    pipeline: DEVICE_PIPELINE,
    segments: [['MEDICAL_DEVICES', 1]],
  },
  {
    sector: 'DIAGNOSTICS',
    weight: 10,
    styles: [
      ['诊断技术', 'Diagnostics', 'dx'],
      ['生物诊断', 'Bio-Diagnostics', 'dx'],
    ],
    pipeline: DEVICE_PIPELINE,
    segments: [['MEDICAL_DEVICES', 1]],
  },
  {
    sector: 'CXO',
    weight: 12,
    styles: [
      ['医药研发服务', 'Pharma Services', 'cro'],
      ['生物医药技术服务', 'Biologics CDMO', 'cdmo'],
    ],
    pipeline: [['SERVICES', 1]],
    segments: [
      ['CRO', 3],
      ['CDMO', 2],
    ],
  },
  {
    sector: 'DIGITAL_HEALTH',
    weight: 6,
    styles: [
      ['智慧医疗科技', 'Smart Healthcare Technology', 'health'],
      ['数字健康科技', 'Digital Health', 'health'],
    ],
    pipeline: [
      ['COMMERCIAL', 2],
      ['SERVICES', 1],
    ],
    segments: [['SERVICES', 1]],
  },
  {
    sector: 'OTHER',
    weight: 4,
    styles: [
      ['生物科技', 'Biotech', 'tech'],
      ['健康科技', 'Health Technology', 'tech'],
    ],
    pipeline: [
      ['SERVICES', 1],
      ['COMMERCIAL', 1],
    ],
    segments: [
      ['SERVICES', 1],
      ['DISTRIBUTION', 1],
    ],
  },
];

/** The zones of the park plan each segment settles in, most likely first. */
const ZONES_OF_SEGMENT: Record<ChainSegment, readonly (readonly [ZoneCode, number])[]> = {
  RESEARCH_DEVELOPMENT: [
    ['HMP-INNOVATION', 4],
    ['HMP-CORE', 3],
    ['XIASHA-BIOPARK', 2],
  ],
  CRO: [
    ['HMP-INNOVATION', 4],
    ['PLATFORM-HUB', 3],
  ],
  CDMO: [
    ['JIANGDONG-CDMO', 5],
    ['XIASHA-BIOPARK', 2],
  ],
  API_MANUFACTURING: [
    ['LINJIANG-MFG', 5],
    ['XIASHA-BIOPARK', 3],
  ],
  MEDICAL_DEVICES: [
    ['DEVICE-PARK', 6],
    ['HMP-INNOVATION', 1],
  ],
  CELL_GENE_THERAPY: [
    ['CGT-PARK', 6],
    ['HMP-CORE', 1],
  ],
  DISTRIBUTION: [['LOGISTICS-PARK', 1]],
  SERVICES: [
    ['PLATFORM-HUB', 3],
    ['HMP-CORE', 2],
  ],
};

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蒋',
];
const GIVEN_NAMES = [
  '伟',
  '芳',
  '敏',
  '静',
  '磊',
  '洋',
  '艳',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '丽',
  '强',
  '华',
  '晨',
  '宇',
  '昊',
  '欣怡',
  '子涵',
  '浩然',
  '思远',
  '雨桐',
  '晓峰',
  '志强',
  '海燕',
  '文博',
  '嘉怡',
  '俊杰',
  '一鸣',
  '婉清',
  '振宇',
];

const CREDIT_CODE_ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];
// Registered in Qiantang District, Hangzhou (330114) as an enterprise (9) under industry and commerce (1).
const CREDIT_CODE_PREFIX = '91330114';

const personName = (random: DemoRandom) => random.pick(SURNAMES) + random.pick(GIVEN_NAMES);

const mobilePhone = (random: DemoRandom) =>
  `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;

/** Post-2015 codes carry an `MA…` organisation code; older firms kept their numeric one. */
function creditCode(random: DemoRandom): string {
  const organisation = random.chance(0.7)
    ? `MA${Array.from({ length: 7 }, () => random.pick(CREDIT_CODE_ALPHABET)).join('')}`
    : `${String(random.int(10_000_000, 99_999_999))}${random.pick(CREDIT_CODE_ALPHABET)}`;
  const first17 = CREDIT_CODE_PREFIX + organisation;
  return first17 + creditCodeCheckCharacter(first17);
}

export interface DemoEnterprise {
  id: string;
  name: string;
  nameEn: string;
  creditCode: string;
  sector: Sector;
  chainSegment: ChainSegment;
  zone: ZoneCode;
  legalRepresentative: string;
  registeredCapitalCny: number;
  establishedOn: string;
  pipelineStage: PipelineStage;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  createdAt: Date;
  verifiedAt: Date | null;
  verifiedBy: string | null;
  admin: { id: string; email: string; name: string };
  /** How much this enterprise files compared with the others. */
  activity: number;
}

export interface EnterpriseContext {
  now: Date;
  /** The first day of the two years the demo park covers. */
  firstDay: number;
  calendar: DemoCalendar;
  /** Staff who may verify enterprises. */
  verifierIds: readonly string[];
  /** Credit codes, lower-cased e-mails and names already in the database. */
  takenCreditCodes: Set<string>;
  takenEmails: Set<string>;
  takenNames: Set<string>;
}

/**
 * Enterprises registered over two years, one new a day (800 over two years is a little more),
 * each in a segment of the chain and a zone of the park plan; nine in ten verified.
 */
export function generateEnterprises(
  random: DemoRandom,
  count: number,
  context: EnterpriseContext,
): DemoEnterprise[] {
  const today = shanghaiDay(context.now);
  const enterprises: DemoEnterprise[] = [];
  for (let index = 0; index < count; index++) {
    const profile = random.weighted(SECTOR_PROFILES.map((p) => [p, p.weight] as const));
    const [styleZh, styleEn, tag] = random.pick(profile.styles);
    const { nameZh, nameEn, slug } = tradeName(random, styleZh, tag, context.takenNames);

    // Evenly spread from the first day on: the first joins at launch, so every run has
    // someone with two years of history, and the last joined yesterday.
    const registeredDay =
      context.firstDay +
      Math.floor((index * (today - 1 - context.firstDay)) / Math.max(1, count - 1));
    const createdAt = context.calendar.officeTime(registeredDay, random);
    const verifiedAt =
      index === 0 || random.chance(0.9) ? verificationOf(createdAt, random, context) : null;
    const verified = verifiedAt !== null && verifiedAt < context.now;

    let code = creditCode(random);
    while (context.takenCreditCodes.has(code)) code = creditCode(random);
    context.takenCreditCodes.add(code);

    const domain = uniqueDomain(slug, context.takenEmails);
    const contactName = personName(random);
    const adminName = random.chance(0.6) ? contactName : personName(random);
    const adminEmail = `admin@${domain}`;
    context.takenEmails.add(adminEmail);

    const chainSegment = random.weighted(profile.segments);
    const zone = random.weighted(ZONES_OF_SEGMENT[chainSegment]);

    enterprises.push({
      id: randomUUID(),
      name: nameZh,
      nameEn: `Hangzhou ${nameEn} ${styleEn} Co., Ltd.`,
      creditCode: code,
      sector: profile.sector,
      chainSegment,
      zone,
      legalRepresentative: personName(random),
      registeredCapitalCny: Math.round(10 ** random.between(6, 8.7) / 10_000) * 10_000,
      establishedOn: context.calendar.localDate(shanghaiDay(createdAt) - random.int(30, 10 * 365)),
      pipelineStage: random.weighted(profile.pipeline),
      contactName,
      contactPhone: mobilePhone(random),
      contactEmail: `${random.pick(['regulatory', 'ra', 'contact', 'office'])}@${domain}`,
      createdAt,
      verifiedAt: verified ? verifiedAt : null,
      verifiedBy: verified ? random.pick(context.verifierIds) : null,
      admin: { id: randomUUID(), email: adminEmail, name: adminName },
      activity: random.skewed(0.8),
    });
  }
  return enterprises;
}

/** Staff check a registration within a few working days, and never before it arrived. */
function verificationOf(createdAt: Date, random: DemoRandom, context: EnterpriseContext): Date {
  const { calendar } = context;
  const verifiedAt = calendar.officeTime(
    calendar.after(shanghaiDay(createdAt), random.int(0, 3)),
    random,
  );
  return verifiedAt > createdAt
    ? verifiedAt
    : new Date(createdAt.getTime() + random.int(10, 180) * 60_000);
}

function tradeName(
  random: DemoRandom,
  styleZh: string,
  tag: string,
  takenNames: Set<string>,
): { nameZh: string; nameEn: string; slug: string } {
  for (let attempt = 0; ; attempt++) {
    const [headZh, headEn] = random.pick(NAME_HEADS);
    const [tailZh, tailEn] = random.pick(NAME_TAILS);
    // Two syllables run out after a few hundred firms of one style; a third makes room.
    const [extraZh, extraEn] = attempt >= 20 ? random.pick(NAME_TAILS) : ['', ''];
    const nameZh = `杭州${headZh}${tailZh}${extraZh}${styleZh}有限公司`;
    if (takenNames.has(nameZh)) continue;
    takenNames.add(nameZh);
    const nameEn = `${headEn}${tailEn}${extraEn}`;
    return { nameZh, nameEn, slug: `${nameEn.toLowerCase()}-${tag}` };
  }
}

function uniqueDomain(slug: string, takenEmails: Set<string>): string {
  for (let suffix = 1; ; suffix++) {
    const domain = `${slug}${suffix === 1 ? '' : suffix}.example.com`;
    if (!takenEmails.has(`admin@${domain}`)) return domain;
  }
}

export interface DemoStaffMember {
  email: string;
  name: string;
  role: 'OFFICER' | 'DEPARTMENT_HEAD';
  departmentCode: string;
}

const OFFICERS_PER_DEPARTMENT = 3;

/** Three officers and a head for every department, under addresses a demo can guess. */
export function staffRoster(
  random: DemoRandom,
  departmentCodes: readonly string[],
): DemoStaffMember[] {
  return departmentCodes.flatMap((departmentCode) => {
    const local = departmentCode.toLowerCase();
    return [
      ...Array.from({ length: OFFICERS_PER_DEPARTMENT }, (_, i) => ({
        email: `${local}.officer${i + 1}@parkline.local`,
        name: personName(random),
        role: 'OFFICER' as const,
        departmentCode,
      })),
      {
        email: `${local}.head@parkline.local`,
        name: personName(random),
        role: 'DEPARTMENT_HEAD' as const,
        departmentCode,
      },
    ];
  });
}

interface FieldSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
}

const PROJECT_CODES = ['PKL', 'BX', 'QM', 'HR', 'SZ', 'KY', 'TR', 'JX'];
const PROJECT_SUBJECTS = [
  'CAR-T细胞治疗产品研发项目',
  '双特异性抗体药物临床前研究',
  'mRNA疫苗工艺开发项目',
  'ADC抗体偶联药物研发项目',
  '小分子靶向抑制剂研发项目',
  '基因编辑平台建设项目',
  '体外诊断试剂研发项目',
  '植入式医疗器械研发项目',
  '干细胞制剂研发项目',
  '重组蛋白药物中试项目',
];

/**
 * A form that passes the service's schema: each field's example, with enumerated fields drawn
 * from their allowed values and numbers varied within their bounds; contacts are the firm's.
 * A `completeness` below 1 leaves fields out, as a draft does.
 */
export function demoForm(
  schema: JsonSchema,
  random: DemoRandom,
  enterprise: DemoEnterprise,
  completeness = 1,
): Record<string, unknown> {
  const form: Record<string, unknown> = {};
  for (const { key, field, required } of fieldsOf(schema)) {
    const wanted = required ? completeness : 0.6 * completeness;
    if (!random.chance(wanted)) continue;
    const value = fieldValue(key, field, random, enterprise);
    if (value !== undefined) form[key] = value;
  }
  return form;
}

// Read once per schema: every application of a service shares its version's schema object.
const formFields = new WeakMap<
  JsonSchema,
  { key: string; field: FieldSchema; required: boolean }[]
>();

function fieldsOf(schema: JsonSchema) {
  let fields = formFields.get(schema);
  if (!fields) {
    const required = new Set((schema.required ?? []) as string[]);
    fields = Object.entries((schema.properties ?? {}) as Record<string, FieldSchema>).map(
      ([key, field]) => ({ key, field, required: required.has(key) }),
    );
    formFields.set(schema, fields);
  }
  return fields;
}

function fieldValue(
  key: string,
  field: FieldSchema,
  random: DemoRandom,
  enterprise: DemoEnterprise,
): unknown {
  if (key === 'contact.name') return enterprise.contactName;
  if (key === 'contact.phone') return enterprise.contactPhone;
  if (key === 'contact.email') return enterprise.contactEmail;
  if (key === 'project.name')
    return `${random.pick(PROJECT_CODES)}-${random.int(100, 999)} ${random.pick(PROJECT_SUBJECTS)}`;
  if (field.const !== undefined) return field.const;
  if (field.enum && field.type !== 'array') return random.pick(field.enum);
  const example = field.examples?.[0];
  if (typeof example === 'number' && field.multipleOf === undefined)
    return variedNumber(example, field, random);
  return example;
}

function variedNumber(example: number, field: FieldSchema, random: DemoRandom): number {
  let value = example * random.between(0.5, 2);
  if (field.type === 'integer') value = Math.round(value);
  else value = Math.round(value * 100) / 100;
  if (field.maximum !== undefined) value = Math.min(value, field.maximum);
  if (field.minimum !== undefined) value = Math.max(value, field.minimum);
  if (field.exclusiveMinimum !== undefined && value <= field.exclusiveMinimum) return example;
  return value;
}

export interface DemoService {
  code: string;
  version: number;
  definition: ServiceDefinition;
}

export interface DemoStaffRow {
  id: string;
  role: 'OFFICER' | 'DEPARTMENT_HEAD';
  departmentCode: string;
}

export interface TrialInstitutionRow {
  id: string;
  code: string;
  name: string;
  specialties: string[];
}

export type DemoStatus =
  | 'DRAFT'
  | 'IN_PROGRESS'
  | 'SUPPLEMENT_REQUIRED'
  | 'COMPLETED'
  | 'DENIED'
  | 'REJECTED'
  | 'WITHDRAWN';

export interface PlannedTask {
  id: string;
  kind: 'STAGE' | 'RECTIFICATION';
  applicationId: string;
  stage: string | null;
  departmentCode: string;
  role: 'OFFICER' | 'DEPARTMENT_HEAD';
  status: 'OPEN' | 'CLAIMED' | 'DONE';
  assigneeId: string | null;
  claimedAt: Date | null;
  dueAt: Date | null;
  slaState: string;
  escalatedAt: Date | null;
  completedBy: string | null;
  completedAt: Date | null;
  createdAt: Date;
}

export interface PlannedClockStop {
  id: string;
  applicationId: string;
  startedAt: Date;
  startedBy: string | null;
}

export interface PlannedApplication {
  id: string;
  enterpriseId: string;
  createdBy: string;
  serviceCode: string;
  serviceVersion: number;
  status: DemoStatus;
  stage: string | null;
  departmentCode: string | null;
  form: Record<string, unknown>;
  facts: Record<string, string>;
  supplementNotices: Record<string, number>;
  supplementRequest: Record<string, unknown> | null;
  matching: Record<string, unknown>;
  outcomeReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  finishedAt: Date | null;
  statutoryDays: number | null;
  promisedDays: number | null;
  pausedSince: Date | null;
  sla: SlaView | null;
  decisionWorkingDays: number | null;
  decidedOnTime: boolean | null;
  rating: number | null;
  ratingComment: string | null;
  ratedAt: Date | null;
  version: number;
  tasks: PlannedTask[];
  clockStop: PlannedClockStop | null;
}

export interface PlannedEvent {
  type: string;
  enterpriseId: string;
  subjectType: 'application' | 'enterprise';
  subjectId: string;
  actorType: 'system' | 'user';
  actorId: string | null;
  data: Record<string, unknown>;
  occurredAt: Date;
}

/** The brief's mix: seven in ten finished, a quarter being worked on, a few waiting or drafts. */
const STATUS_MIX: readonly (readonly [DemoStatus, number])[] = [
  ['COMPLETED', 60],
  ['DENIED', 4],
  ['REJECTED', 3.5],
  ['WITHDRAWN', 2.5],
  ['IN_PROGRESS', 25],
  ['SUPPLEMENT_REQUIRED', 3],
  ['DRAFT', 2],
];
const RATING_MIX: readonly (readonly [number, number])[] = [
  [5, 55],
  [4, 30],
  [3, 10],
  [2, 3],
  [1, 2],
];
const POOR_RATING = 2;
const DENIAL_REASONS = [
  '现场核查发现条件不符合许可要求',
  '生物安全防护条件不满足要求',
  '申报资料与实际情况不一致',
  '申请事项不符合法定条件',
];
const REJECTION_REASONS = [
  '申请事项不属于本部门职权范围',
  '申请人不具备申请资格',
  '同一事项已有在办申请',
  '需求超出平台服务范围',
];
const RATING_COMMENTS: Record<number, readonly string[]> = {
  5: ['办理速度快，服务很专业', '一次办成，非常省心', '窗口老师指导很耐心'],
  4: ['整体满意，材料要求可以再明确些', '进度提醒很及时'],
  3: ['审批周期偏长', '线上流程还可以再简化'],
  2: ['补正要求不够明确，来回多次', '进度更新不及时'],
  1: ['等待时间过长，沟通不畅', '多次补正仍未说明具体问题'],
};
const SUPPLEMENT_REASONS = [
  '扫描件不清晰，请重新上传',
  '文件已过有效期，请提供最新版本',
  '缺少单位公章',
  '与申请表填写信息不一致',
  '缺少法定代表人签字',
];

interface ServiceModel {
  service: DemoService;
  definition: ServiceDefinition;
  workflow: WorkflowDefinition;
  /** The stage that moves to COMPLETED (issuance, the decision, a confirmation, ...). */
  completionStage: Stage;
  denialStage: HumanStage | null;
  rejectionStage: HumanStage | null;
  hasRiskScreening: boolean;
  hasMatching: boolean;
}

const destinationsOf = (target: Target): string[] =>
  typeof target === 'string' ? [target] : [...Object.values(target.cases), target.default];

const resolve = (target: Target, facts: Record<string, string>): string =>
  typeof target === 'string' ? target : (target.cases[facts[target.switch]] ?? target.default);

function targetsOf(stage: Stage): Target[] {
  switch (stage.kind) {
    case 'HUMAN':
      return Object.values(stage.actions).filter((target) => target !== undefined);
    case 'AUTOMATED':
      return Object.values(stage.outcomes);
    case 'WAIT':
      return Object.values(stage.events);
  }
}

const leadsTo = (stage: Stage, outcome: string) =>
  targetsOf(stage).some((target) => destinationsOf(target).includes(outcome));

function modelOf(service: DemoService): ServiceModel {
  const { definition } = service;
  const { workflow } = definition;
  const humanLeadingTo = (outcome: string) =>
    workflow.stages.find(
      (stage): stage is HumanStage => stage.kind === 'HUMAN' && leadsTo(stage, outcome),
    ) ?? null;
  const completing = workflow.stages.filter((stage) => leadsTo(stage, 'COMPLETED'));
  return {
    service,
    definition,
    workflow,
    completionStage: completing[completing.length - 1] ?? workflow.stages[0],
    denialStage: humanLeadingTo('DENIED'),
    rejectionStage: humanLeadingTo('REJECTED'),
    hasRiskScreening: workflow.stages.some(
      (stage) => stage.kind === 'AUTOMATED' && stage.handler === 'risk_screening',
    ),
    hasMatching: workflow.stages.some(
      (stage) => stage.kind === 'AUTOMATED' && stage.handler === 'institution_matching',
    ),
  };
}

/**
 * The human stages an application can reach without a refusal, in workflow order. Automated
 * stages follow every outcome except risk screening, whose outcome the form decides.
 */
function humanStagesOnPath(
  workflow: WorkflowDefinition,
  facts: Record<string, string>,
  fastTracked: boolean,
): HumanStage[] {
  const byCode = new Map(workflow.stages.map((stage) => [stage.code, stage]));
  const reached = new Set<string>();
  const queue = [workflow.initialStage];
  while (queue.length > 0) {
    const code = queue.shift()!;
    const stage = byCode.get(code);
    if (!stage || reached.has(code)) continue;
    reached.add(code);
    const targets =
      stage.kind === 'AUTOMATED' && stage.handler === 'risk_screening'
        ? [stage.outcomes[fastTracked ? 'fast_track' : 'screened']]
        : targetsOf(stage);
    for (const target of targets) queue.push(resolve(target, facts));
  }
  return workflow.stages.filter(
    (stage): stage is HumanStage => stage.kind === 'HUMAN' && reached.has(stage.code),
  );
}

export interface ParkContext {
  now: Date;
  firstDay: number;
  calendar: DemoCalendar;
  enterprises: readonly DemoEnterprise[];
  services: readonly DemoService[];
  staff: readonly DemoStaffRow[];
  institutions: readonly TrialInstitutionRow[];
  /** After this long a claim returns to the queue (CLAIM_IDLE_MINUTES). */
  claimIdleMinutes: number;
}

/**
 * Plans applications as the platform would have left them: each status reached through its
 * service's workflow, clocks computed on the working-day calendar, the open ones at a human
 * stage with their task, and the events a timeline shows.
 */
export class ParkPlanner {
  readonly events: PlannedEvent[] = [];
  private readonly today: number;
  /** Whether today's office hours are far enough along to hold a submission and its checks. */
  private readonly submissionsToday: boolean;
  private readonly models: ServiceModel[];
  private readonly services: WeightedTable<ServiceModel>;
  private readonly verified: DemoEnterprise[];
  private readonly byActivity: WeightedTable<DemoEnterprise>;
  private readonly byActivityAndTenure: WeightedTable<DemoEnterprise>;
  private readonly staffByDepartment = new Map<string, DemoStaffRow[]>();
  /** While planning the showcase: the enterprise that files every application. */
  private showcase: DemoEnterprise | undefined;

  constructor(
    private readonly random: DemoRandom,
    private readonly context: ParkContext,
  ) {
    this.today = shanghaiDay(context.now);
    this.submissionsToday =
      context.calendar.isWorkingDay(this.today) &&
      context.now.getTime() - context.calendar.opening(this.today).getTime() > 10 * 60_000;
    this.models = context.services.map(modelOf);
    // Demand differs by service: a few are everyday business, most are occasional.
    const popularity = new Map(this.models.map((model) => [model, random.skewed(0.9)]));
    this.services = new WeightedTable(this.models, (model) => popularity.get(model)!);
    this.verified = context.enterprises.filter((enterprise) => enterprise.verifiedAt);
    this.byActivity = new WeightedTable(this.verified, (enterprise) => enterprise.activity);
    this.byActivityAndTenure = new WeightedTable(
      this.verified,
      (enterprise) =>
        enterprise.activity * (context.now.getTime() - enterprise.verifiedAt!.getTime()),
    );
    for (const member of context.staff) {
      const list = this.staffByDepartment.get(member.departmentCode) ?? [];
      list.push(member);
      this.staffByDepartment.set(member.departmentCode, list);
    }
  }

  /** The enterprise events of registration and verification. */
  planEnterpriseEvents(): void {
    for (const enterprise of this.context.enterprises) {
      this.events.push({
        type: 'enterprise.registered',
        enterpriseId: enterprise.id,
        subjectType: 'enterprise',
        subjectId: enterprise.id,
        actorType: 'user',
        actorId: enterprise.admin.id,
        data: { name: enterprise.name, creditCode: enterprise.creditCode },
        occurredAt: enterprise.createdAt,
      });
      if (enterprise.verifiedAt)
        this.events.push({
          type: 'enterprise.verified',
          enterpriseId: enterprise.id,
          subjectType: 'enterprise',
          subjectId: enterprise.id,
          actorType: 'user',
          actorId: enterprise.verifiedBy,
          data: { name: enterprise.name },
          occurredAt: enterprise.verifiedAt,
        });
    }
  }

  planApplication(): PlannedApplication {
    if (this.verified.length === 0) throw new Error('No verified enterprise can file');
    return this.planOfStatus(this.random.weighted(STATUS_MIX), this.services.pick(this.random));
  }

  /**
   * One application in every status the park shows, all filed by the enterprise verified first
   * (every timeline fits it), so that whoever acts for that enterprise meets each status.
   */
  planShowcase(): { enterprise: DemoEnterprise; applications: PlannedApplication[] } {
    if (this.verified.length === 0) throw new Error('No verified enterprise can file');
    this.showcase = this.verified[0];
    try {
      const applications = STATUS_MIX.map(([status]) => {
        const reaching = this.models.filter(
          (model) =>
            !FINISHED_STATUSES.includes(status) || feasibleOutcome(model, status) === status,
        );
        return this.planOfStatus(status, this.random.pick(reaching));
      });
      return { enterprise: this.showcase, applications };
    } finally {
      this.showcase = undefined;
    }
  }

  private planOfStatus(status: DemoStatus, model: ServiceModel): PlannedApplication {
    switch (status) {
      case 'DRAFT':
        return this.planDraft(model);
      case 'IN_PROGRESS':
        return this.planInProgress(model);
      case 'SUPPLEMENT_REQUIRED':
        return this.planSupplementRequired(model);
      default:
        return this.planFinished(model, feasibleOutcome(model, status));
    }
  }

  private planDraft(model: ServiceModel): PlannedApplication {
    const enterprise = this.showcase ?? this.byActivity.pick(this.random);
    const earliest = Math.max(
      enterprise.verifiedAt!.getTime(),
      this.context.now.getTime() - 30 * DAY_MS,
    );
    const createdAt = this.context.calendar.officeTimeBetween(
      new Date(earliest),
      this.context.now,
      this.random,
    );
    const form = demoForm(model.definition.formSchema, this.random, enterprise, 0.6);
    return {
      ...this.blank(model, enterprise, form, createdAt),
      statutoryDays: null,
      promisedDays: null,
    };
  }

  private planInProgress(model: ServiceModel): PlannedApplication {
    const promised = model.definition.promisedWorkingDays;
    // About one in eight running applications has missed the park's promise.
    const overdue = this.random.chance(0.12);
    // Late work gets chased: nothing is more than a month past its promise.
    const elapsed = overdue
      ? promised + this.random.int(1, Math.min(20, Math.ceil(promised * 0.8) + 1))
      : this.random.int(this.submissionsToday ? 0 : 1, promised);
    const submittedAt = this.submittedWorkingDaysAgo(elapsed);
    const enterprise = this.enterpriseVerifiedBefore(submittedAt);
    const form = demoForm(model.definition.formSchema, this.random, enterprise);
    const facts = this.factsFor(model, form);
    const stages = humanStagesOnPath(model.workflow, facts, facts.riskClass === 'D');
    const progress = Math.min(0.999, elapsed / Math.max(1, promised));
    const stageIndex = this.random.chance(0.25)
      ? this.random.int(0, stages.length - 1)
      : Math.floor(progress * stages.length);
    const stage = stages[stageIndex];
    const departmentCode = stage.departmentCode ?? model.definition.departmentCode;

    const sla = this.slaOf(model, submittedAt, null, this.context.now);
    // The first human stage opens seconds after the automated checks; later ones when staff act.
    const enteredAt =
      stageIndex === 0
        ? new Date(submittedAt.getTime() + this.random.int(5_000, 90_000))
        : this.context.calendar.officeTimeBetween(submittedAt, this.context.now, this.random);
    const application = {
      ...this.blank(model, enterprise, form, this.draftedBefore(submittedAt, enterprise)),
      status: 'IN_PROGRESS' as const,
      stage: stage.code,
      departmentCode,
      facts,
      matching: this.matchingFor(model, facts),
      submittedAt,
      sla,
      updatedAt: enteredAt,
      version: 3 + stageIndex,
    };
    const task = this.openTask(application, stage, departmentCode, enteredAt, sla);
    application.tasks.push(task);
    this.recordSubmission(application, model);
    this.recordClockEvents(application, sla, this.context.now);
    this.applicationEvent(application, 'task.created', enteredAt, {
      taskId: task.id,
      stage: stage.code,
      departmentCode,
      role: task.role,
    });
    if (task.escalatedAt)
      this.applicationEvent(application, 'task.escalated', task.escalatedAt, {
        taskId: task.id,
        departmentCode,
      });
    return application;
  }

  private planSupplementRequired(model: ServiceModel): PlannedApplication {
    const promised = model.definition.promisedWorkingDays;
    const beforeRequest = this.random.int(1, Math.max(1, promised - 1));
    const waiting = this.random.int(1, 12);
    const submittedAt = this.submittedWorkingDaysAgo(beforeRequest + waiting);
    const enterprise = this.enterpriseVerifiedBefore(submittedAt);
    const form = demoForm(model.definition.formSchema, this.random, enterprise);
    const facts = this.factsFor(model, form);
    const asking = humanStagesOnPath(model.workflow, facts, facts.riskClass === 'D').filter(
      (stage) => leadsTo(stage, 'SUPPLEMENT'),
    );
    const stage = asking.length > 0 ? this.random.pick(asking) : model.workflow.stages[0];
    const requestedAt = this.context.calendar.officeTime(
      this.context.calendar.after(shanghaiDay(submittedAt), beforeRequest),
      this.random,
    );

    const items = this.supplementItems(model, form);
    const officer = this.pickStaff(model.definition.departmentCode, 'OFFICER');
    const application = {
      ...this.blank(model, enterprise, form, this.draftedBefore(submittedAt, enterprise)),
      status: 'SUPPLEMENT_REQUIRED' as const,
      stage: stage.code,
      departmentCode: model.definition.departmentCode,
      facts,
      matching: this.matchingFor(model, facts),
      supplementNotices: { [stage.code]: 1 },
      supplementRequest: {
        stage: stage.code,
        items,
        requestedAt: requestedAt.toISOString(),
        notice: 1,
      },
      submittedAt,
      pausedSince: requestedAt,
      sla: this.slaOf(model, submittedAt, requestedAt, this.context.now),
      updatedAt: requestedAt,
      version: 4,
    };
    application.clockStop = {
      id: randomUUID(),
      applicationId: application.id,
      startedAt: requestedAt,
      startedBy: officer?.id ?? null,
    };
    this.recordSubmission(application, model);
    this.recordClockEvents(
      application,
      this.slaOf(model, submittedAt, null, requestedAt),
      requestedAt,
    );
    this.applicationEvent(application, 'application.supplement_requested', requestedAt, {
      stage: stage.code,
      notice: 1,
      items,
      fromStatus: 'IN_PROGRESS',
      status: 'SUPPLEMENT_REQUIRED',
    });
    this.applicationEvent(application, 'application.clock_stopped', requestedAt, {
      clockStopId: application.clockStop.id,
      reasonCode: 'SUPPLEMENT',
      comment: null,
    });
    return application;
  }

  private planFinished(
    model: ServiceModel,
    status: 'COMPLETED' | 'DENIED' | 'REJECTED' | 'WITHDRAWN',
  ): PlannedApplication {
    const promised = model.definition.promisedWorkingDays;
    const workingDays = this.finishingWorkingDays(status, promised);
    const { enterprise, submittedAt, endedAt } = this.finishedTimeline(workingDays);
    const form = demoForm(model.definition.formSchema, this.random, enterprise);
    const facts = this.factsFor(model, form);
    const stage =
      status === 'COMPLETED'
        ? model.completionStage
        : status === 'DENIED'
          ? model.denialStage!
          : status === 'REJECTED'
            ? model.rejectionStage!
            : this.random.pick(humanStagesOnPath(model.workflow, facts, facts.riskClass === 'D'));
    // Approval passes issuance (status APPROVED): decided first, finished seconds later.
    const approvedFirst = status === 'COMPLETED' && model.completionStage.status === 'APPROVED';
    const finishedAt = approvedFirst
      ? new Date(endedAt.getTime() + this.random.int(2_000, 40_000))
      : endedAt;
    const decided = status !== 'WITHDRAWN';
    const rating = status !== 'WITHDRAWN' && this.random.chance(0.4) ? this.rate(status) : null;
    const ratedAt = rating === null ? null : this.ratedAfter(finishedAt);

    const application = {
      ...this.blank(model, enterprise, form, this.draftedBefore(submittedAt, enterprise)),
      status,
      stage: stage.code,
      departmentCode: model.definition.departmentCode,
      facts,
      matching: this.matchingFor(model, facts),
      outcomeReason:
        status === 'DENIED'
          ? this.random.pick(DENIAL_REASONS)
          : status === 'REJECTED'
            ? this.random.pick(REJECTION_REASONS)
            : null,
      submittedAt,
      decidedAt: approvedFirst || status === 'DENIED' || status === 'REJECTED' ? endedAt : null,
      finishedAt,
      sla: this.slaOf(model, submittedAt, null, endedAt),
      decisionWorkingDays: decided ? workingDays : null,
      decidedOnTime: decided ? workingDays <= promised : null,
      rating: rating?.score ?? null,
      ratingComment: rating?.comment ?? null,
      ratedAt,
      updatedAt: ratedAt ?? finishedAt,
      version: this.random.int(5, 9) + (rating ? 1 : 0),
    };
    this.recordSubmission(application, model);
    this.recordClockEvents(application, application.sla, endedAt);
    this.applicationEvent(application, `application.${status.toLowerCase()}`, finishedAt, {
      stage: stage.code,
      fromStatus: approvedFirst ? 'APPROVED' : 'IN_PROGRESS',
      status,
      ...(decided ? { decision: { workingDays, onTime: workingDays <= promised } } : {}),
    });
    if (rating && ratedAt) this.recordRating(application, rating, ratedAt);
    return application;
  }

  /** Working days from submission to the end: mostly within the promise, some beyond it. */
  private finishingWorkingDays(status: DemoStatus, promised: number): number {
    switch (status) {
      case 'REJECTED':
        return this.random.int(1, Math.max(1, Math.min(5, promised)));
      case 'WITHDRAWN':
        return this.random.int(1, promised + 2);
      default:
        return this.random.chance(0.85)
          ? Math.max(1, Math.round(promised * this.random.between(0.3, 1)))
          : promised + Math.max(1, Math.round(promised * this.random.between(0, 0.8)));
    }
  }

  /** An enterprise, a submission while it was verified, and an end before today. */
  private finishedTimeline(workingDays: number): {
    enterprise: DemoEnterprise;
    submittedAt: Date;
    endedAt: Date;
  } {
    const { calendar } = this.context;
    // Calendar days the working days can span, holiday weeks included, plus a margin.
    const span = Math.ceil(workingDays * 1.6) + 10;
    for (let attempt = 0; attempt < 100; attempt++) {
      // The first enterprise has been verified since launch: the fallback that always fits.
      const enterprise =
        this.showcase ??
        (attempt < 30 ? this.byActivityAndTenure.pick(this.random) : this.verified[0]);
      const first = Math.max(shanghaiDay(enterprise.verifiedAt!) + 1, this.context.firstDay);
      const last = this.today - span;
      if (first > last) continue;
      const submittedDay = calendar.randomWorkingDay(first, last, this.random);
      const endDay = calendar.after(submittedDay, workingDays);
      if (endDay >= this.today) continue;
      return {
        enterprise,
        submittedAt: calendar.officeTime(submittedDay, this.random),
        endedAt: calendar.officeTime(endDay, this.random),
      };
    }
    throw new Error(`No enterprise was verified long enough for ${workingDays} working days`);
  }

  private submittedWorkingDaysAgo(workingDays: number): Date {
    const { calendar, now } = this.context;
    if (workingDays === 0)
      // Leaves room for the automated stages that ran after a submission made today.
      return calendar.officeTimeBetween(
        calendar.opening(this.today),
        new Date(now.getTime() - 2 * 60_000),
        this.random,
      );
    const day = calendar.before(calendar.workingDayFrom(this.today), workingDays);
    return calendar.officeTime(day, this.random);
  }

  private enterpriseVerifiedBefore(instant: Date): DemoEnterprise {
    if (this.showcase) return this.showcase;
    for (let attempt = 0; attempt < 30; attempt++) {
      const enterprise = this.byActivity.pick(this.random);
      if (enterprise.verifiedAt! < instant) return enterprise;
    }
    return this.verified.reduce((earliest, enterprise) =>
      enterprise.verifiedAt! < earliest.verifiedAt! ? enterprise : earliest,
    );
  }

  /** What automated stages would have learned: the risk class, the matched institution. */
  private factsFor(model: ServiceModel, form: Record<string, unknown>): Record<string, string> {
    const facts: Record<string, string> = {};
    if (model.hasRiskScreening) {
      const screened = riskScreening({ form } as Application);
      Object.assign(facts, screened.facts);
    }
    if (model.hasMatching && this.context.institutions.length > 0)
      facts.institutionId = this.institutionFor(form).id;
    return facts;
  }

  private institutionFor(form: Record<string, unknown>): TrialInstitutionRow {
    const specialty = String(form['clinical.specialty'] ?? '');
    const suitable = this.context.institutions.filter((institution) =>
      institution.specialties.includes(specialty),
    );
    return this.random.pick(suitable.length > 0 ? suitable : this.context.institutions);
  }

  private matchingFor(model: ServiceModel, facts: Record<string, string>): Record<string, unknown> {
    const institution = this.context.institutions.find(({ id }) => id === facts.institutionId);
    if (!model.hasMatching || !institution) return { declined: [] };
    return {
      declined: [],
      current: {
        institutionId: institution.id,
        code: institution.code,
        name: institution.name,
        score: 2,
      },
    };
  }

  private slaOf(
    model: ServiceModel,
    submittedAt: Date,
    pausedSince: Date | null,
    at: Date,
  ): SlaView {
    return computeSla(
      this.context.calendar.workingDays,
      {
        submittedAt,
        statutoryDays: model.definition.statutoryWorkingDays,
        promisedDays: model.definition.promisedWorkingDays,
        extensionDays: 0,
        pausedWorkingDays: 0,
        pausedSince,
      },
      at,
    );
  }

  private openTask(
    application: PlannedApplication,
    stage: HumanStage,
    departmentCode: string,
    createdAt: Date,
    sla: SlaView,
  ): PlannedTask {
    const assignee = this.random.chance(0.35) ? this.pickStaff(departmentCode, stage.role) : null;
    const promisedOverdue = sla.promised.state === 'OVERDUE';
    const overdueSince = new Date(sla.promised.deadline.getTime() + 1);
    // Claims stay inside the idle limit, or the worker's sweep would hand them straight back.
    const claimWindowMs = this.context.claimIdleMinutes * 0.75 * 60_000;
    const claimedAt = assignee
      ? this.context.calendar.officeTimeBetween(
          new Date(Math.max(createdAt.getTime(), this.context.now.getTime() - claimWindowMs)),
          this.context.now,
          this.random,
        )
      : null;
    return {
      id: randomUUID(),
      kind: 'STAGE',
      applicationId: application.id,
      stage: stage.code,
      departmentCode,
      role: stage.role,
      status: assignee ? 'CLAIMED' : 'OPEN',
      assigneeId: assignee?.id ?? null,
      claimedAt,
      dueAt: sla.promised.deadline,
      slaState: sla.state,
      escalatedAt: promisedOverdue
        ? new Date(Math.max(overdueSince.getTime(), createdAt.getTime()))
        : null,
      completedBy: null,
      completedAt: null,
      createdAt,
    };
  }

  private pickStaff(departmentCode: string, role: 'OFFICER' | 'DEPARTMENT_HEAD') {
    const members = (this.staffByDepartment.get(departmentCode) ?? []).filter(
      (member) => member.role === role,
    );
    return members.length > 0 ? this.random.pick(members) : null;
  }

  private supplementItems(model: ServiceModel, form: Record<string, unknown>): SupplementItem[] {
    const materials = requiredMaterials(model.definition.materials, form);
    if (materials.length === 0)
      return [{ kind: 'field', key: Object.keys(form)[0], reason: '填写内容与证明材料不一致' }];
    const count = Math.min(materials.length, this.random.int(1, 3));
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(this.random.pick(materials).code);
    return [...chosen].map((key) => ({
      kind: 'material',
      key,
      reason: this.random.pick(SUPPLEMENT_REASONS),
    }));
  }

  private rate(status: DemoStatus): { score: number; comment: string | null } {
    // Refusals are rated lower: the same scale, shifted down one star.
    const score = Math.max(
      1,
      this.random.weighted(RATING_MIX) - (status === 'COMPLETED' ? 0 : this.random.int(0, 1)),
    );
    return {
      score,
      comment: this.random.chance(0.35) ? this.random.pick(RATING_COMMENTS[score]) : null,
    };
  }

  private ratedAfter(finishedAt: Date): Date | null {
    const ratedAt = new Date(finishedAt.getTime() + this.random.int(30, 7 * 24 * 60) * 60_000);
    return ratedAt < this.context.now ? ratedAt : null;
  }

  /** A poor rating opens a rectification task; older ones have been dealt with. */
  private recordRating(
    application: PlannedApplication,
    rating: { score: number; comment: string | null },
    ratedAt: Date,
  ): void {
    let rectificationTaskId: string | null = null;
    if (rating.score <= POOR_RATING) {
      const handledAt = new Date(ratedAt.getTime() + this.random.int(1, 10) * DAY_MS);
      const handler = this.pickStaff(application.departmentCode!, 'OFFICER');
      const handled = handledAt < this.context.now && handler !== null;
      rectificationTaskId = randomUUID();
      application.tasks.push({
        id: rectificationTaskId,
        kind: 'RECTIFICATION',
        applicationId: application.id,
        stage: null,
        departmentCode: application.departmentCode!,
        role: 'OFFICER',
        status: handled ? 'DONE' : 'OPEN',
        assigneeId: null,
        claimedAt: null,
        dueAt: null,
        slaState: 'ON_TRACK',
        escalatedAt: null,
        completedBy: handled ? handler.id : null,
        completedAt: handled ? handledAt : null,
        createdAt: ratedAt,
      });
    }
    this.events.push({
      type: 'rating.created',
      enterpriseId: application.enterpriseId,
      subjectType: 'application',
      subjectId: application.id,
      actorType: 'user',
      actorId: application.createdBy,
      data: {
        score: rating.score,
        comment: rating.comment,
        serviceCode: application.serviceCode,
        rectificationTaskId,
      },
      occurredAt: ratedAt,
    });
  }

  private recordSubmission(application: PlannedApplication, model: ServiceModel): void {
    this.applicationEvent(application, 'application.submitted', application.submittedAt!, {
      stage: model.workflow.initialStage,
      fromStatus: 'DRAFT',
      status: 'IN_PROGRESS',
    });
  }

  /** At-risk and overdue on the promised clock, each raised once, if reached before `until`. */
  private recordClockEvents(application: PlannedApplication, sla: SlaView, until: Date): void {
    const { promised } = sla;
    const overdueAt = new Date(promised.deadline.getTime() + 1);
    for (const [type, at] of [
      ['application.at_risk', promised.atRiskAt],
      ['application.overdue', overdueAt],
    ] as const) {
      if (at > until) continue;
      this.applicationEvent(application, type, at, {
        clock: 'promised',
        deadline: promised.deadline.toISOString(),
        workingDaysUsed: this.context.calendar.workingDays.workingDaysBetween(
          application.submittedAt!,
          at,
        ),
      });
    }
  }

  private applicationEvent(
    application: PlannedApplication,
    type: string,
    occurredAt: Date,
    data: Record<string, unknown>,
  ): void {
    this.events.push({
      type,
      enterpriseId: application.enterpriseId,
      subjectType: 'application',
      subjectId: application.id,
      actorType: 'system',
      actorId: null,
      data: { ...data, serviceCode: application.serviceCode },
      occurredAt,
    });
  }

  private blank(
    model: ServiceModel,
    enterprise: DemoEnterprise,
    form: Record<string, unknown>,
    createdAt: Date,
  ): PlannedApplication {
    return {
      id: randomUUID(),
      enterpriseId: enterprise.id,
      createdBy: enterprise.admin.id,
      serviceCode: model.service.code,
      serviceVersion: model.service.version,
      status: 'DRAFT',
      stage: null,
      departmentCode: null,
      form,
      facts: {},
      supplementNotices: {},
      supplementRequest: null,
      matching: { declined: [] },
      outcomeReason: null,
      createdAt,
      updatedAt: createdAt,
      submittedAt: null,
      decidedAt: null,
      finishedAt: null,
      statutoryDays: model.definition.statutoryWorkingDays,
      promisedDays: model.definition.promisedWorkingDays,
      pausedSince: null,
      sla: null,
      decisionWorkingDays: null,
      decidedOnTime: null,
      rating: null,
      ratingComment: null,
      ratedAt: null,
      version: 1,
      tasks: [],
      clockStop: null,
    };
  }

  /** Drafts are filled in during the three days before they are sent. */
  private draftedBefore(submittedAt: Date, enterprise: DemoEnterprise): Date {
    return this.context.calendar.officeTimeBetween(
      new Date(Math.max(submittedAt.getTime() - 3 * DAY_MS, enterprise.createdAt.getTime())),
      submittedAt,
      this.random,
    );
  }
}

/** The outcome a service's workflow can actually reach, falling back towards completion. */
function feasibleOutcome(
  model: ServiceModel,
  status: DemoStatus,
): 'COMPLETED' | 'DENIED' | 'REJECTED' | 'WITHDRAWN' {
  if (status === 'DENIED' && model.denialStage) return 'DENIED';
  if ((status === 'DENIED' || status === 'REJECTED') && model.rejectionStage) return 'REJECTED';
  if (status === 'WITHDRAWN') return 'WITHDRAWN';
  return 'COMPLETED';
}
