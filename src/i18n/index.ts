import { de, type Messages } from './de';
import { en } from './en';

export type { Messages };
export const SUPPORTED_LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const catalogs: Record<Language, Messages> = { de, en };

export function messagesFor(language: string): Messages {
  return language === 'en' ? catalogs.en : catalogs.de;
}
