import { BASIC_SERVICES } from './basic-services';
import type { ServiceSeed } from './catalogue-seed.types';
import { VALUE_ADDED_SERVICES } from './value-added-services';

export * from './catalogue-seed.types';
export * from './field-dictionary';
export { BASIC_SERVICES } from './basic-services';
export { VALUE_ADDED_SERVICES } from './value-added-services';
export { BUNDLES } from './bundles';

export const ALL_SERVICES: ServiceSeed[] = [...BASIC_SERVICES, ...VALUE_ADDED_SERVICES];
