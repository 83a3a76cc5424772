import { useState } from 'react';

// The MoJ design system's sortable table: each sortable column's header is a button, the column sorted by
// says so with aria-sort, and choosing it again reverses the order.

export type SortOrder = 'ascending' | 'descending';
export type Sort<K extends string> = { column: K; order: SortOrder };

/** Rows sorted by a column's value (text compared the way people read it, numbers as numbers, empty last). */
export function sortRows<T, K extends string>(rows: readonly T[], sort: Sort<K>, value: (row: T, column: K) => string | number | null): T[] {
  const sign = sort.order === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a, sort.column);
    const y = value(b, sort.column);
    if (x === null || x === '') return y === null || y === '' ? 0 : 1;
    if (y === null || y === '') return -1;
    return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'en-GB', { numeric: true }));
  });
}

export function useSort<K extends string>(initial: K): [Sort<K>, (column: K) => void] {
  const [sort, setSort] = useState<Sort<K>>({ column: initial, order: 'ascending' });
  return [sort, (column) => setSort((s) => ({ column, order: s.column === column && s.order === 'ascending' ? 'descending' : 'ascending' }))];
}

export function SortHeader<K extends string>({ column, label, sort, onSort, numeric }: { column: K; label: string; sort: Sort<K>; onSort: (column: K) => void; numeric?: boolean }) {
  return (
    <th scope="col" className={`govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}`} aria-sort={sort.column === column ? sort.order : 'none'}>
      <button type="button" data-index={column} onClick={() => onSort(column)}>{label}</button>
    </th>
  );
}
