/** Pieces of an application that every screen showing one shares (enterprise, officer, desk). */
export { ClockText } from './ClockText';
export { EnterpriseName, enterpriseQuery } from './EnterpriseName';
export { FormAnswers } from './FormAnswers';
export { MaterialList, materialContentQuery, formatBytes, type ApplicationMaterialDto } from './MaterialList';
export {
  SlaBadge,
  SLA_STATES,
  tighterClock,
  workingDaysLeft,
  type ClockDto,
  type SlaDto,
  type SlaState,
} from './SlaBadge';
export { StatusTag, APPLICATION_STATUSES } from './StatusTag';
export { Timeline, applicationEventsQuery, type ApplicationEventDto } from './Timeline';
export { saveBlob, useObjectUrl } from './blob';
export {
  bundleQuery,
  itemLabel,
  nameOf,
  serviceQuery,
  serviceVersionQuery,
  useApplicationDefinition,
  type ApplicationDefinition,
  type ApplicationDto,
  type ApplicationStatus,
  type Named,
  type Stage,
  type SupplementItemDto,
} from './definition';
export { choiceLabel, fieldTitle, formatAnswer, type FieldSchema } from './answers';
export { useCatalogueNames, useStageNames, serviceNamesQuery, bundleNamesQuery, departmentsQuery } from './catalogue';
export { useWorkingDaysLeft, workingDaysBetween, parkDateOf } from './workingDays';
export { uploadMaterial, attachFromLibrary, acceptOf, fileProblemOf } from './upload';
export { inWords } from './words';
