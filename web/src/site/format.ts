// How the site writes money, days and financial years, the same on every page.

/** "35623" as "£35,623.00": amounts arrive as decimal strings (the Money scalar) and are never floats in the API. */
export const pounds = (amount: string) => `£${Number(amount).toLocaleString('en-GB', { minimumFractionDigits: 2 })}`;

/** "2026-11-23" as "23 November 2026", as GOV.UK writes dates. */
export const longDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** The UK public-sector financial year a day falls in (1 April to 31 March), written like "2026-27". */
export function financialYearOf(day: Date): string {
  const start = day.getMonth() >= 3 ? day.getFullYear() : day.getFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
