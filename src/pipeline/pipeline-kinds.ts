import { DeviceDto } from './dto/device.dto';
import { ProductDto } from './dto/product.dto';
import { DeviceRow, PipelineItemRow, ProductRow } from './pipeline-item';

/** How one kind of pipeline item is stored: its table, its columns and its rules. */
export interface PipelineKind<Row extends PipelineItemRow, Dto> {
  kind: 'PRODUCT' | 'DEVICE';
  table: 'pipeline_products' | 'pipeline_devices';
  what: string;
  /** Each input field and its column; nothing else reaches SQL. */
  columns: Readonly<Record<string, string>>;
  /** Fields that may be left out of a change but not set to null. */
  required: readonly string[];
  /** The check constraint across fields, reported as a validation error of `field`. */
  rule: { constraint: string; field: string; message: string };
  toDto(row: Row): Dto;
}

export const PRODUCTS: PipelineKind<ProductRow, ProductDto> = {
  kind: 'PRODUCT',
  table: 'pipeline_products',
  what: 'Product',
  columns: {
    name: 'name',
    nameEn: 'name_en',
    modality: 'modality',
    indication: 'indication',
    stage: 'stage',
    approvalNumber: 'approval_number',
    approvedOn: 'approved_on',
  },
  required: ['name', 'stage'],
  rule: {
    constraint: 'pipeline_products_approval_check',
    field: 'approvedOn',
    message: 'is required at stage APPROVED and only there, and an approvalNumber needs it',
  },
  toDto: ProductDto.from,
};

export const DEVICES: PipelineKind<DeviceRow, DeviceDto> = {
  kind: 'DEVICE',
  table: 'pipeline_devices',
  what: 'Device',
  columns: {
    name: 'name',
    nameEn: 'name_en',
    deviceClass: 'device_class',
    registrationNumber: 'registration_number',
    registeredOn: 'registered_on',
  },
  required: ['name', 'deviceClass'],
  rule: {
    constraint: 'pipeline_devices_registration_check',
    field: 'registeredOn',
    message: 'and registrationNumber are given together',
  },
  toDto: DeviceDto.from,
};
