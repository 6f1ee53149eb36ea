import { inWords } from '../../applications/parts/words';
import type { Language, Translate } from '../../shared/i18n/i18n';

/** An event type in words (the timeline's words for it), or its code when it has none. */
export function eventWords(type: string, t: Translate, language: Language): string {
  if (type === 'webhook.ping') return t('integrations.webhooks.ping');
  return inWords(t, language, `applications.event.${type}`) ?? type;
}
