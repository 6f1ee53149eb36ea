import { catalogues, type Language, type Translate } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/zh-CN';

/**
 * A code the API sends (an event type, an outcome, a workflow action) in words, when the
 * catalogue has words for it under `key`; undefined when it has none.
 */
export function inWords(t: Translate, language: Language, key: string): string | undefined {
  return key in catalogues[language] ? t(key as MessageKey) : undefined;
}
