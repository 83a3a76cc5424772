import { describe, expect, it } from 'vitest';
import { sortRows } from './tables';

const rows = [{ name: 'Bea Irwin', expires: '2027-01-05' }, { name: 'alex Dale', expires: null }, { name: 'Chris Brook', expires: '2026-12-01' }];
const value = (row: (typeof rows)[number], column: 'name' | 'expires') => row[column];

describe('sortable tables', () => {
  it('sorts text as people read it, either way', () => {
    expect(sortRows(rows, { column: 'name', order: 'ascending' }, value).map((r) => r.name)).toEqual(['alex Dale', 'Bea Irwin', 'Chris Brook']);
    expect(sortRows(rows, { column: 'name', order: 'descending' }, value).map((r) => r.name)).toEqual(['Chris Brook', 'Bea Irwin', 'alex Dale']);
  });

  it('puts rows with nothing to sort by last, whichever the order', () => {
    expect(sortRows(rows, { column: 'expires', order: 'ascending' }, value).map((r) => r.name)).toEqual(['Chris Brook', 'Bea Irwin', 'alex Dale']);
    expect(sortRows(rows, { column: 'expires', order: 'descending' }, value).map((r) => r.name)).toEqual(['Bea Irwin', 'Chris Brook', 'alex Dale']);
  });
});
