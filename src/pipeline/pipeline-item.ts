/** The stage of a drug candidate, from the laboratory to the market. */
export const PRODUCT_STAGES = [
  'PRECLINICAL',
  'IND',
  'PHASE_1',
  'PHASE_2',
  'PHASE_3',
  'NDA_BLA',
  'APPROVED',
] as const;
export type ProductStage = (typeof PRODUCT_STAGES)[number];

/** Class I devices are filed (备案); class II and III are registered (注册). */
export const DEVICE_CLASSES = ['I', 'II', 'III'] as const;
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** An officer's check of an item: every change by the enterprise makes it pending again. */
export const VERIFICATION_STATES = ['PENDING', 'VERIFIED', 'REJECTED'] as const;
export type VerificationState = (typeof VERIFICATION_STATES)[number];

export const VERIFICATION_DECISIONS = ['VERIFIED', 'REJECTED'] as const;
export type VerificationDecision = (typeof VERIFICATION_DECISIONS)[number];

export const PIPELINE_CHANGES = ['CREATED', 'UPDATED', 'DELETED', 'VERIFIED', 'REJECTED'] as const;
export type PipelineChange = (typeof PIPELINE_CHANGES)[number];

/** The columns products and devices share, as PostgreSQL returns them. */
export interface PipelineItemRow {
  id: string;
  enterprise_id: string;
  name: string;
  name_en: string | null;
  verification: VerificationState;
  verified_by: string | null;
  verified_at: Date | null;
  verification_note: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface ProductRow extends PipelineItemRow {
  modality: string | null;
  indication: string | null;
  stage: ProductStage;
  approval_number: string | null;
  approved_on: string | null;
}

export interface DeviceRow extends PipelineItemRow {
  device_class: DeviceClass;
  registration_number: string | null;
  registered_on: string | null;
}

export interface PipelineHistoryRow {
  id: string;
  enterprise_id: string;
  item_kind: 'PRODUCT' | 'DEVICE';
  item_id: string;
  change: PipelineChange;
  actor_type: string;
  actor_id: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
}
