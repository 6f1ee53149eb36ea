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

/**
 * The four key issues of the park's reform (人才、场地、公共平台、特殊物品进口): a dimension
 * of the catalogue that lists and statistics can be cut by.
 */
export const KEY_ISSUES = ['TALENT', 'VENUE', 'PUBLIC_PLATFORM', 'SPECIAL_ARTICLE_IMPORT'] as const;
export type KeyIssue = (typeof KEY_ISSUES)[number];

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
  /** Where the situation rule comes from (with requiredWhen) */
  requiredWhenBasis?: string;
  formats: FileFormat[];
  maxBytes: number;
  /** whether the enterprise's material library can supply it */
  fromLibrary: boolean;
}

/**
 * Approval deemed given when the authority raises no objection in time (默示许可): after so
 * many days at the stage, the timer takes the action for it.
 */
export interface ImpliedPermissionSeed {
  days: number;
  /** CALENDAR days or WORKING days, as the rule counts them. */
  dayKind: 'CALENDAR' | 'WORKING';
  basis: string;
}

export type WorkflowSeed =
  | { archetype: 'LICENCE'; inspection: boolean }
  /** 备案: complete materials are recorded and the receipt issued at once. */
  | { archetype: 'FILING' }
  | { archetype: 'SPECIAL_BIOLOGICS_IMPORT' }
  | { archetype: 'CLINICAL_TRIAL_DOCKING' }
  | { archetype: 'VALUE_ADDED'; autoConfirmWorkingDays: number }
  /**
   * A national approval the park does not decide: it guides the enterprise, files on its
   * behalf and records the national authority's answer.
   */
  | { archetype: 'NATIONAL_PROXY'; impliedPermission?: ImpliedPermissionSeed };

export interface CertificateSeed {
  titleZh: string;
  titleEn: string;
  /** null = no expiry */
  validityMonths: number | null;
  /**
   * Validity that follows a fact the workflow learned (e.g. the risk class from screening);
   * validityMonths applies when the fact has no entry.
   */
  validityByFact?: { fact: string; months: Record<string, number> };
  /** Where the validity comes from: law and article, or the park's own rule. */
  validityBasis: string;
  /** material type the issued certificate becomes in the enterprise's material library */
  materialCode?: string;
}

export interface IntakeWindowSeed {
  name: string;
  /** YYYY-MM-DD, inclusive */
  opensOn: string;
  /** YYYY-MM-DD, inclusive */
  closesOn: string;
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
  /** null where no statutory limit applies (filings, value-added and national services) */
  statutoryWorkingDays: number | null;
  /** Where the limits come from: the article that sets the statutory one, and the park's promise. */
  timeLimitBasis: string;
  /**
   * Who decides when it is not the park's department (a national authority): the department
   * then guides and files on the enterprise's behalf.
   */
  competentAuthority?: string;
  /** What the enterprise should know about how the service runs, beyond its name. */
  description?: string;
  keyIssues: KeyIssue[];
  /**
   * Services that take applications in batches (申报批次): submission is open only inside one
   * of these windows (dates in Asia/Shanghai, inclusive). Absent = open all year.
   */
  intakeWindows?: IntakeWindowSeed[];
  /**
   * Facts of this definition that could not be confirmed against the regulation text (field
   * paths such as `statutoryWorkingDays`): an administrator should check them.
   */
  unconfirmed?: string[];
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
