// The catalogue's JSON Schema forms in the console: edit (SchemaForm), read (FormAnswers), and
// which materials the answers make required (situation rules).
export { SchemaForm, type FormValues, type SchemaFormProps } from './SchemaForm';
export { FormAnswers } from './FormAnswers';
export { answerText, answeredFields, type AnswerWords } from './answers';
export { SituationRule } from './SituationRule';
export {
  fieldsOf,
  formPayloadOf,
  isUnanswered,
  optionsOf,
  type FormField,
  type FieldKind,
  type FieldOption,
} from './fields';
export {
  matchesSchema,
  violationsOf,
  UnsupportedSchemaError,
  type JsonSchema,
  type Violation,
} from './json-schema';
export {
  requirementOf,
  isRequiredNow,
  conditionsOf,
  type Requirement,
  type SituationalMaterial,
} from './situations';
export { violationMessage } from './messages';
