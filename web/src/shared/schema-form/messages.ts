import type { Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/zh-CN';
import type { FormField } from './fields';
import type { Violation } from './json-schema';

/** Rules whose message names the schema's limit ("at most {limit} characters"). */
const LIMITED: Record<string, MessageKey> = {
  minLength: 'schemaForm.minLength',
  maxLength: 'schemaForm.maxLength',
  minimum: 'schemaForm.minimum',
  maximum: 'schemaForm.maximum',
  exclusiveMinimum: 'schemaForm.exclusiveMinimum',
  exclusiveMaximum: 'schemaForm.exclusiveMaximum',
  minItems: 'schemaForm.minItems',
  maxItems: 'schemaForm.maxItems',
};

/** What the user reads for a rule their answer breaks, in their language. */
export function violationMessage(violation: Violation, field: FormField, t: Translate): string {
  const limited = LIMITED[violation.keyword];
  if (limited) return t(limited, { limit: String(violation.limit) });
  switch (violation.keyword) {
    case 'required':
      return t('schemaForm.required');
    case 'pattern':
      return field.example
        ? t('schemaForm.patternExample', { example: field.example })
        : t('schemaForm.pattern');
    case 'format':
      return violation.limit === 'email' ? t('schemaForm.email') : t('schemaForm.date');
    case 'type':
      return violation.limit === 'integer' ? t('schemaForm.integer') : t('schemaForm.invalid');
    case 'enum':
    case 'const':
      return t('schemaForm.enum');
    case 'uniqueItems':
      return t('schemaForm.uniqueItems');
    default:
      return t('schemaForm.invalid');
  }
}
