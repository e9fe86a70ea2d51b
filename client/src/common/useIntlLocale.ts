// The Intl locale for the UI language the user picked: money and dates follow the language.
import { useLocaleState } from 'react-admin';
import { INTL_LOCALE } from '../i18n/i18nProvider.ts';

export function useIntlLocale(): string {
  const [locale] = useLocaleState();
  return INTL_LOCALE[locale] ?? locale;
}
