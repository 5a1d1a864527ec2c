import type { Language } from '../../../core/common/api';
import type { Locale } from '../../../core/common/domain/format';
import { en } from './messages-en';
import { id, type Messages } from './messages-id';

const catalogs: Record<Language, Messages> = { id, en };

export function messagesFor(language: Language): Messages {
  return catalogs[language];
}

export function localeFor(language: Language): Locale {
  return language === 'en' ? 'en-ID' : 'id-ID';
}

export type { Messages };
