import type { Language } from '../i18n';

/**
 * The dev login's texts, kept here rather than in the app's catalogs (src/i18n): only the entry
 * of local development and tests imports src/dev, so the production bundle carries none of them.
 */
export const DEV_LOGIN_MESSAGES: Record<Language, { title: string; text: string; user: string; submit: string }> = {
  de: {
    title: 'Entwicklungs-Anmeldung',
    text: 'Nur für die lokale Entwicklung: Wählen Sie einen Demo-Benutzer.',
    user: 'Benutzer',
    submit: 'Anmelden',
  },
  en: {
    title: 'Development sign-in',
    text: 'Local development only: choose a demo user.',
    user: 'User',
    submit: 'Sign in',
  },
};
