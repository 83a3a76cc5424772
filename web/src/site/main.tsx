import './govuk.scss';
import '@ministryofjustice/frontend/moj/moj-frontend.min.css';
import { initAll } from 'govuk-frontend';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { markJsEnabled } from './jsEnabled';

markJsEnabled(document.body);
const root = createRoot(document.getElementById('app')!);
// govuk-frontend's initAll() scans the DOM, so the markup must be rendered first.
flushSync(() => root.render(<App />));
initAll();
