// MUI's Autocomplete labels its buttons and states in English ("Open", "Clear", "Loading…")
// unless told otherwise: screen readers heard English in a Spanish or Portuguese interface
// (issue #13). The same words in the user's language, from react-admin's own messages.
import { useTranslate } from 'react-admin';

export function useAutocompleteTexts() {
  const translate = useTranslate();
  return {
    openText: translate('ra.action.open'),
    closeText: translate('ra.action.close'),
    clearText: translate('ra.action.clear_input_value'),
    loadingText: translate('ra.page.loading'),
    noOptionsText: translate('ra.navigation.no_results'),
  };
}
