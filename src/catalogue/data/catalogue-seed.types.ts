export type DepartmentCode =
  | 'MPA'
  | 'PSB'
  | 'CUSTOMS'
  | 'COMMERCE'
  | 'HEALTH'
  | 'SCITECH'
  | 'MSA'
  | 'EMB'
  | 'EEB'
  | 'HCB'
  | 'HRSS'
  | 'PSC';

export type ServiceCategory = 'BASIC' | 'VALUE_ADDED';

export type FileFormat = 'pdf' | 'jpg' | 'png' | 'docx' | 'xlsx' | 'zip';

export type JsonSchema = Record<string, unknown>;

export interface MaterialTypeSeed {
  /** snake_case, stable, shared across services when it is the same document */
  code: string;
  name: string;
  nameEn: string;
  /** required in every situation */
  required: boolean;
  /** JSON Schema the form must match for this material to become required (only with required: false) */
  requiredWhen?: JsonSchema;
  formats: FileFormat[];
  maxBytes: number;
  /** whether the enterprise's material library can supply it */
  fromLibrary: boolean;
}

export type WorkflowSeed =
  | { archetype: 'LICENCE'; inspection: boolean }
  | { archetype: 'SPECIAL_BIOLOGICS_IMPORT' }
  | { archetype: 'CLINICAL_TRIAL_DOCKING' }
  | { archetype: 'VALUE_ADDED'; autoConfirmWorkingDays: number };

export interface CertificateSeed {
  titleZh: string;
  titleEn: string;
  /** null = no expiry */
  validityMonths: number | null;
  /** material type the issued certificate becomes in the enterprise's material library */
  materialCode?: string;
}

export interface ServiceSeed {
  /** stable UPPER_SNAKE code */
  code: string;
  category: ServiceCategory;
  name: string;
  nameEn: string;
  departmentCode: DepartmentCode;
  legalBasis: string;
  /** the park's promise, shorter than the statutory limit */
  promisedWorkingDays: number;
  statutoryWorkingDays: number;
  feeCny: number;
  /** what an approval issues; for value-added services a result document or null */
  certificate: CertificateSeed | null;
  materials: MaterialTypeSeed[];
  formSchema: JsonSchema;
  workflow: WorkflowSeed;
}

export interface BundleSeed {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  serviceCodes: string[];
  /** serviceCode waits until `requires` is approved */
  prerequisites: { serviceCode: string; requires: string }[];
}
