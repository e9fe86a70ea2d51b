// English ships with the app; Spanish and Portuguese load when chosen.
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { resolveBrowserLocale, type TranslationMessages } from 'react-admin';
import en from './en.ts';

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'es', name: 'Español' },
  { locale: 'pt', name: 'Português' },
];

/** The Intl locale used to format numbers and dates in each UI language. */
export const INTL_LOCALE: Record<string, string> = { en: 'en-US', es: 'es-ES', pt: 'pt-BR' };

const loaders: Record<string, () => Promise<{ default: TranslationMessages }>> = {
  es: () => import('./es.ts'),
  pt: () => import('./pt.ts'),
};

// react-admin needs the first language's messages synchronously (a Promise there is an error
// and a blank page), so the provider starts in English...
export const i18nProvider = polyglotI18nProvider(
  (locale) => (loaders[locale] ? loaders[locale]().then((m) => m.default) : en),
  'en',
  LOCALES,
  { allowMissing: true },
);

/** ...and a Spanish or Portuguese browser switches before the first render (main.tsx waits). */
export function startInBrowserLanguage(): Promise<void> {
  const browserLocale = resolveBrowserLocale('en');
  return browserLocale in loaders ? i18nProvider.changeLocale(browserLocale).catch(() => undefined) : Promise.resolve();
}
