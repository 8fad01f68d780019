/**
 * The annotated sets kept in this repository, by the name `npm run eval` reports them under,
 * and the JSON readers the eval scripts share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');

/** Set name -> folder under tests/fixtures, in the order the eval table prints them. */
export const FIXTURE_SETS: ReadonlyArray<readonly [name: string, folder: string]> = [
  ['fixtures', 'eval'],
  ['dev2', 'eval-dev2'],
  ['dev3', 'eval-dev3'],
  ['dev4', 'eval-dev4'],
  ['heldout', 'eval-heldout'],
];

export const fixtureDir = (folder: string): string => join(ROOT, 'tests', 'fixtures', folder);

export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
export const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
