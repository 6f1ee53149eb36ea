import type {
  CertificateSeed,
  JsonSchema,
  MaterialTypeSeed,
  ServiceCategory,
} from './data/catalogue-seed.types';
import type { WorkflowDefinition } from '../workflow/workflow.types';

export type MaterialType = MaterialTypeSeed;
export type CertificateSpec = CertificateSeed;
export type { JsonSchema, ServiceCategory };

/** Everything a service version says; stored as one JSON document, immutable once published. */
export interface ServiceDefinition {
  name: string;
  nameEn: string;
  departmentCode: string;
  legalBasis: string;
  promisedWorkingDays: number;
  statutoryWorkingDays: number;
  feeCny: number;
  certificate: CertificateSpec | null;
  materials: MaterialType[];
  formSchema: JsonSchema;
  workflow: WorkflowDefinition;
}

export const SERVICE_CATEGORIES: readonly ServiceCategory[] = ['BASIC', 'VALUE_ADDED'];
