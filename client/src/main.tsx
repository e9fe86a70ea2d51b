import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App.tsx';
import { startInBrowserLanguage } from './i18n/i18nProvider.ts';

void startInBrowserLanguage().then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Real paths (/payments/py_…/show), not #hashes: the server answers index.html for any non-API path. */}
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
));
