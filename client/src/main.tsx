import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { startInBrowserLanguage } from './i18n/i18nProvider.ts';
import { preloadScreenOf } from './preloadViews.ts';

// The screen of the address opened starts downloading now, beside the language and the session check.
preloadScreenOf(window.location.pathname);

void startInBrowserLanguage().then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Real paths (/payments/py_…/show), not #hashes: the server answers index.html for any non-API path.
        Navigations commit at once, not as React transitions: react-admin's sign-out redirects and
        then clears its query cache, and with a deferred navigation that clear re-ran the failed
        auth check on the old screen, which signed out and redirected again, in a loop that could
        keep the login form from ever becoming usable. */}
    <BrowserRouter useTransitions={false}>
      <App />
    </BrowserRouter>
  </StrictMode>,
));
