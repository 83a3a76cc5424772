// govuk-frontend ships no type declarations; only what this project calls is declared.
declare module 'govuk-frontend' {
  export function initAll(config?: Record<string, unknown>): void;
}
