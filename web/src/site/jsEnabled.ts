// The GOV.UK template does this in an inline script; a module keeps the page free of inline
// scripts so a strict Content-Security-Policy needs no nonce. Only browsers that support ES
// modules run this file, which is exactly what govuk-frontend-supported signals.
export function markJsEnabled(body: HTMLElement): void {
  body.classList.add('js-enabled', 'govuk-frontend-supported');
}
