import { randomUUID } from 'node:crypto';
import type { Sector } from '../enterprises/enterprise.entity';
import type {
  DeviceClass,
  PipelineChange,
  ProductStage,
  VerificationState,
} from '../pipeline/pipeline-item';
import { DemoCalendar, DemoEnterprise, DemoRandom, shanghaiDay } from './demo-data';

const DAY_MS = 86_400_000;
/** Approvals and registrations fall in this year and the two before it. */
const APPROVAL_YEARS = 3;

interface DemoItem {
  id: string;
  enterpriseId: string;
  name: string;
  nameEn: string;
  verification: VerificationState;
  verifiedBy: string | null;
  verifiedAt: Date | null;
  createdAt: Date;
  /** The enterprise admin who added it. */
  createdBy: string;
}

export interface DemoProduct extends DemoItem {
  modality: string;
  indication: string;
  stage: ProductStage;
  approvalNumber: string | null;
  approvedOn: string | null;
}

export interface DemoDevice extends DemoItem {
  deviceClass: DeviceClass;
  registrationNumber: string | null;
  registeredOn: string | null;
}

export interface DemoHistoryEntry {
  id: string;
  enterpriseId: string;
  itemKind: 'PRODUCT' | 'DEVICE';
  itemId: string;
  change: PipelineChange;
  actorId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
  createdAt: Date;
}

export interface DemoPipelines {
  products: DemoProduct[];
  devices: DemoDevice[];
  history: DemoHistoryEntry[];
}

export interface PipelineContext {
  now: Date;
  calendar: DemoCalendar;
  verifierIds: readonly string[];
}

interface DrugProfile {
  modalities: readonly (readonly [string, string])[];
  form: readonly [string, string];
  /** 国药准字 letter: S for biologics, H for chemical drugs. */
  approvalLetter: 'S' | 'H';
}

const DRUG_PROFILES: Partial<Record<Sector, DrugProfile>> = {
  ANTIBODY_PROTEIN: {
    modalities: [
      ['单克隆抗体', 'monoclonal antibody'],
      ['双特异性抗体', 'bispecific antibody'],
      ['抗体偶联药物', 'antibody-drug conjugate'],
      ['重组蛋白', 'recombinant protein'],
    ],
    form: ['注射液', 'injection'],
    approvalLetter: 'S',
  },
  CELL_GENE_THERAPY: {
    modalities: [
      ['CAR-T 细胞治疗', 'CAR-T cell therapy'],
      ['干细胞治疗', 'stem-cell therapy'],
      ['AAV 基因治疗', 'AAV gene therapy'],
      ['mRNA 治疗', 'mRNA therapy'],
    ],
    form: ['注射液', 'injection'],
    approvalLetter: 'S',
  },
  SMALL_MOLECULE: {
    modalities: [
      ['小分子靶向药', 'targeted small molecule'],
      ['改良型新药', 'improved new drug'],
      ['仿制药', 'generic drug'],
    ],
    form: ['片', 'tablets'],
    approvalLetter: 'H',
  },
  VACCINE: {
    modalities: [
      ['重组蛋白疫苗', 'recombinant protein vaccine'],
      ['mRNA 疫苗', 'mRNA vaccine'],
      ['多联疫苗', 'combination vaccine'],
    ],
    form: ['注射液', 'injection'],
    approvalLetter: 'S',
  },
};

const INDICATIONS = [
  '非小细胞肺癌',
  '乳腺癌',
  '肝细胞癌',
  '胃癌',
  '复发或难治性多发性骨髓瘤',
  'B 细胞急性淋巴细胞白血病',
  '类风湿关节炎',
  '中重度斑块状银屑病',
  '2 型糖尿病',
  '阿尔茨海默病',
  '慢性乙型肝炎',
  '系统性红斑狼疮',
  '带状疱疹预防',
  '流感预防',
];

/** Most candidates are early; about one in fifteen reaches the market. */
const STAGE_WEIGHTS: readonly (readonly [ProductStage, number])[] = [
  ['PRECLINICAL', 34],
  ['IND', 14],
  ['PHASE_1', 18],
  ['PHASE_2', 13],
  ['PHASE_3', 7],
  ['NDA_BLA', 5],
  ['APPROVED', 7],
];

/** Devices with the class the classification catalogue gives them. */
const DEVICES: readonly (readonly [string, string, DeviceClass])[] = [
  ['医用棉签', 'Medical cotton swab', 'I'],
  ['一次性使用压舌板', 'Single-use tongue depressor', 'I'],
  ['医用冷敷贴', 'Medical cold compress patch', 'I'],
  ['手术刀柄', 'Scalpel handle', 'I'],
  ['医用电子体温计', 'Medical electronic thermometer', 'II'],
  ['彩色多普勒超声诊断仪', 'Colour Doppler ultrasound system', 'II'],
  ['心电监护仪', 'ECG patient monitor', 'II'],
  ['医用外科口罩', 'Surgical mask', 'II'],
  ['一次性使用无菌注射器', 'Single-use sterile syringe', 'III'],
  ['血管内光学相干断层成像导管', 'Intravascular OCT imaging catheter', 'III'],
  ['骨科手术导航定位系统', 'Orthopaedic surgical navigation system', 'III'],
  ['可吸收外科缝线', 'Absorbable surgical suture', 'III'],
  ['人工晶状体', 'Intraocular lens', 'III'],
  ['冠状动脉药物洗脱支架', 'Drug-eluting coronary stent', 'III'],
];
const DIAGNOSTICS: readonly (readonly [string, string, DeviceClass])[] = [
  ['样本稀释液', 'Sample diluent', 'I'],
  ['细胞保存液', 'Cell preservation solution', 'I'],
  ['肿瘤标志物检测试剂盒（化学发光法）', 'Tumour marker assay kit (chemiluminescence)', 'II'],
  ['全自动化学发光免疫分析仪', 'Automated chemiluminescence immunoanalyser', 'II'],
  ['血糖测试条', 'Blood glucose test strips', 'II'],
  ['高通量基因测序仪', 'High-throughput gene sequencer', 'III'],
  ['呼吸道病原体核酸检测试剂盒', 'Respiratory pathogen nucleic acid test kit', 'III'],
];
/** Categories of the 2017 classification catalogue, as the registration number carries them. */
const DEVICE_CATEGORIES = ['06', '07', '08', '13', '14', '16', '22', '40'];

const localDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const serial = (random: DemoRandom) => String(random.int(1, 9999)).padStart(4, '0');

/**
 * The pipelines of the demo enterprises: drug developers with a few candidates each (tens
 * approved a year across the park), device makers with registered and filed devices
 * (hundreds a year); staff verified most items of verified enterprises. Each item comes with
 * its history: created by the enterprise admin, then verified.
 */
export function generatePipelines(
  random: DemoRandom,
  enterprises: readonly DemoEnterprise[],
  context: PipelineContext,
): DemoPipelines {
  const pipelines: DemoPipelines = { products: [], devices: [], history: [] };
  for (const enterprise of enterprises) {
    const drugs = DRUG_PROFILES[enterprise.sector];
    if (drugs) {
      const count = Math.min(8, Math.max(1, Math.round(3 * random.skewed(0.5))));
      for (let n = 1; n <= count; n++)
        addItem(pipelines, 'PRODUCT', product(random, enterprise, drugs, n, context));
    }
    if (enterprise.sector === 'MEDICAL_DEVICE' || enterprise.sector === 'DIAGNOSTICS') {
      const names = enterprise.sector === 'DIAGNOSTICS' ? DIAGNOSTICS : DEVICES;
      const count = Math.min(12, Math.max(1, Math.round(5 * random.skewed(0.5))));
      for (let n = 1; n <= count; n++)
        addItem(pipelines, 'DEVICE', device(random, enterprise, names, n, context));
    }
  }
  return pipelines;
}

/** A short code from the trade name (Hangzhou Qiyuan … → QI), as candidates are numbered. */
const codeOf = (enterprise: DemoEnterprise) =>
  (enterprise.nameEn.split(' ')[1] ?? 'QT').slice(0, 2).toUpperCase();

function itemBase(random: DemoRandom, enterprise: DemoEnterprise, context: PipelineContext) {
  const createdAt = context.calendar.officeTimeBetween(enterprise.createdAt, context.now, random);
  const verified = enterprise.verifiedAt !== null && random.chance(0.85);
  const verifiedAt = verified
    ? new Date(
        Math.min(context.now.getTime() - 60_000, createdAt.getTime() + random.int(1, 10) * DAY_MS),
      )
    : null;
  return {
    id: randomUUID(),
    enterpriseId: enterprise.id,
    createdAt,
    createdBy: enterprise.admin.id,
    verification: (verified ? 'VERIFIED' : 'PENDING') as VerificationState,
    verifiedAt,
    verifiedBy: verified ? random.pick(context.verifierIds) : null,
  };
}

/** A day of the approval years up to yesterday, not before the enterprise was established. */
function approvalDay(random: DemoRandom, enterprise: DemoEnterprise, now: Date): string {
  const today = shanghaiDay(now);
  const year = Number(localDate(today).slice(0, 4));
  const first = Date.UTC(year - APPROVAL_YEARS + 1, 0, 1) / DAY_MS;
  const established = Math.floor(Date.parse(enterprise.establishedOn) / DAY_MS);
  return localDate(random.int(Math.max(established, first), today - 1));
}

function product(
  random: DemoRandom,
  enterprise: DemoEnterprise,
  drugs: DrugProfile,
  n: number,
  context: PipelineContext,
): DemoProduct {
  const [modality, modalityEn] = random.pick(drugs.modalities);
  const stage = random.weighted(STAGE_WEIGHTS);
  const approvedOn = stage === 'APPROVED' ? approvalDay(random, enterprise, context.now) : null;
  const code = `${codeOf(enterprise)}-${100 * random.int(1, 6) + n}`;
  return {
    ...itemBase(random, enterprise, context),
    name: `${code} ${drugs.form[0]}`,
    nameEn: `${code} ${drugs.form[1]} (${modalityEn})`,
    modality,
    indication: random.pick(INDICATIONS),
    stage,
    approvalNumber: approvedOn
      ? `国药准字${drugs.approvalLetter}${approvedOn.slice(0, 4)}${serial(random)}`
      : null,
    approvedOn,
  };
}

function device(
  random: DemoRandom,
  enterprise: DemoEnterprise,
  names: readonly (readonly [string, string, DeviceClass])[],
  n: number,
  context: PipelineContext,
): DemoDevice {
  const [name, nameEn, deviceClass] = random.pick(names);
  const registeredOn = random.chance(0.85) ? approvalDay(random, enterprise, context.now) : null;
  const year = registeredOn?.slice(0, 4);
  const category = random.pick(DEVICE_CATEGORIES);
  const model = `${codeOf(enterprise)}-${n}${random.int(0, 9)}`;
  return {
    ...itemBase(random, enterprise, context),
    name: `${name}（${model}型）`,
    nameEn: `${nameEn}, model ${model}`,
    deviceClass,
    registrationNumber: !year
      ? null
      : deviceClass === 'I'
        ? `浙杭械备${year}${serial(random)}号`
        : deviceClass === 'II'
          ? `浙械注准${year}2${category}${serial(random)}`
          : `国械注准${year}3${category}${serial(random)}`,
    registeredOn,
  };
}

function addItem(
  pipelines: DemoPipelines,
  itemKind: 'PRODUCT' | 'DEVICE',
  item: DemoProduct | DemoDevice,
): void {
  if (itemKind === 'PRODUCT') pipelines.products.push(item as DemoProduct);
  else pipelines.devices.push(item as DemoDevice);
  const stored = storedItem(item);
  const created = {
    ...stored,
    verification: 'PENDING',
    verified_by: null,
    verified_at: null,
    version: 1,
    updated_at: stored.created_at,
  };
  const entry = { enterpriseId: item.enterpriseId, itemKind, itemId: item.id };
  pipelines.history.push({
    ...entry,
    id: randomUUID(),
    change: 'CREATED',
    actorId: item.createdBy,
    before: null,
    after: created,
    createdAt: item.createdAt,
  });
  if (item.verifiedAt && item.verifiedBy) {
    pipelines.history.push({
      ...entry,
      id: randomUUID(),
      change: 'VERIFIED',
      actorId: item.verifiedBy,
      before: created,
      after: stored,
      createdAt: item.verifiedAt,
    });
  }
}

/** The item as its table stores it, as the history keeps it. */
export function storedItem(item: DemoProduct | DemoDevice): Record<string, unknown> {
  const common = {
    id: item.id,
    enterprise_id: item.enterpriseId,
    name: item.name,
    name_en: item.nameEn,
    verification: item.verification,
    verified_by: item.verifiedBy,
    verified_at: item.verifiedAt?.toISOString() ?? null,
    verification_note: null,
    version: item.verifiedAt ? 2 : 1,
    created_at: item.createdAt.toISOString(),
    updated_at: (item.verifiedAt ?? item.createdAt).toISOString(),
  };
  return 'stage' in item
    ? {
        ...common,
        modality: item.modality,
        indication: item.indication,
        stage: item.stage,
        approval_number: item.approvalNumber,
        approved_on: item.approvedOn,
      }
    : {
        ...common,
        device_class: item.deviceClass,
        registration_number: item.registrationNumber,
        registered_on: item.registeredOn,
      };
}
