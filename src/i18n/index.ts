import { parseAccept } from 'hono/utils/accept';
import { de, type Messages } from './de';
import { en } from './en';

export type { Messages };
export const SUPPORTED_LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const catalogs: Record<Language, Messages> = { de, en };

/**
 * German unless Accept-Language ranks English above German (contract §6): a tie, `*` or no
 * header is German. hono's languageDetector takes the first of equally ranked languages, hence
 * this small rule on top of hono's own Accept parser.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'de';
  const quality = (language: Language) =>
    Math.max(
      0,
      ...parseAccept(acceptLanguage)
        .filter(({ type }) => type.toLowerCase() === language || type.toLowerCase().startsWith(`${language}-`))
        .map(({ q }) => q),
    );
  return quality('en') > quality('de') ? 'en' : 'de';
}

export function messagesFor(language: string): Messages {
  return language === 'en' ? catalogs.en : catalogs.de;
}
