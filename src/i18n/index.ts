import { de, type Messages } from './de';
import { en } from './en';

export type { Messages };
export const SUPPORTED_LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * The highest weight an Accept-Language header gives `language` or one of its subtags (RFC 9110
 * §12.4.2, §12.5.4: `range;q=value, …`; a missing or unreadable weight counts as 1, weights are
 * held to 0…1); 0 when it is not named. Written here rather than with hono/utils/accept, which
 * parses every Accept header with quoted parameters (0.8 KB gzip of a Worker that has to fit
 * 100 KB, issue #18); test/i18n.test.ts holds it to hono's parser on the RFC's syntax. Outside it
 * (a quoted or repeated q, `q=NaN`) the two may read a header differently; either way the answer
 * is one of the two catalogs, never an error.
 */
export function weightOf(acceptLanguage: string, language: string): number {
  let weight = 0;
  for (const item of acceptLanguage.split(',')) {
    const [range = '', ...parameters] = item.split(';');
    const tag = range.trim().toLowerCase();
    if (tag !== language && !tag.startsWith(`${language}-`)) continue;
    let q = 1;
    for (const parameter of parameters) {
      const [name = '', value = ''] = parameter.split('=');
      const number = Number(value.trim());
      if (name.trim().toLowerCase() === 'q' && value.trim() !== '' && !Number.isNaN(number)) q = Math.min(1, Math.max(0, number));
    }
    weight = Math.max(weight, q);
  }
  return weight;
}

/**
 * The language of the page an htmx request comes from (its `HX-Lang`: a fragment in the page's
 * language, also after a switch in another tab), else the one the buyer chose at the foot of a
 * page (its cookie: LANGUAGE_COOKIE), else German unless Accept-Language ranks English above
 * German (contract §6): a tie, `*` or no header is German. (hono's languageDetector takes the
 * first of equally ranked languages, hence this small rule of our own.)
 */
export function languageOf(acceptLanguage: string | undefined, ...chosen: (string | undefined)[]): Language {
  const language = chosen.find((value) => value === 'de' || value === 'en');
  if (language) return language;
  if (!acceptLanguage) return 'de';
  return weightOf(acceptLanguage, 'en') > weightOf(acceptLanguage, 'de') ? 'en' : 'de';
}

/** The cookie of the language chosen at the foot of a page (contract §6, since stop 75). */
export const LANGUAGE_COOKIE = 'kontakte_lang';

export function messagesFor(language: string): Messages {
  return language === 'en' ? en : de;
}
