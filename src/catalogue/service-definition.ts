import type {
  CertificateSeed,
  IntakeWindowSeed,
  JsonSchema,
  KeyIssue,
  MaterialTypeSeed,
  ServiceCategory,
} from './data/catalogue-seed.types';
import type { WorkflowDefinition } from '../workflow/workflow.types';

export type MaterialType = MaterialTypeSeed;
/** Versions published before validities cited their basis lack it. */
export type CertificateSpec = Omit<CertificateSeed, 'validityBasis'> & { validityBasis?: string };
export type IntakeWindow = IntakeWindowSeed;
export type { JsonSchema, KeyIssue, ServiceCategory };
export { KEY_ISSUES } from './data/catalogue-seed.types';

/** Everything a service version says; stored as one JSON document, immutable once published. */
export interface ServiceDefinition {
  name: string;
  nameEn: string;
  departmentCode: string;
  legalBasis: string;
  promisedWorkingDays: number;
  /** null where no statutory limit applies: only the park's promise runs. */
  statutoryWorkingDays: number | null;
  /** Versions published before rules cited their bases may lack these. */
  timeLimitBasis?: string;
  competentAuthority?: string;
  description?: string;
  keyIssues?: KeyIssue[];
  intakeWindows?: IntakeWindow[];
  unconfirmed?: string[];
  feeCny: number;
  certificate: CertificateSpec | null;
  materials: MaterialType[];
  formSchema: JsonSchema;
  workflow: WorkflowDefinition;
}

export const SERVICE_CATEGORIES: readonly ServiceCategory[] = ['BASIC', 'VALUE_ADDED'];
