import merges from './data/province-merges.json' with { type: 'json' };
import { foldKey } from '../text/vietnamese.ts';

/** Names news uses for Ho Chi Minh City, folded; all mean one place. */
const HCMC = [
  'ho chi minh',
  'thanh pho ho chi minh',
  'tp.hcm',
  'tphcm',
  'tp hcm',
  'tp. ho chi minh',
  'sai gon',
  'ho chi minh city',
];

/**
 * Folded place name -> folded names it also counts as, for subscription filters: an old province
 * counts as the unit it merged into (2025), and the many spellings of Ho Chi Minh City as one.
 */
export function buildPlaceAliases(): ReadonlyMap<string, readonly string[]> {
  const aliases = new Map<string, string[]>();
  const add = (from: string, to: string): void => {
    const list = aliases.get(from) ?? [];
    if (!list.includes(to)) list.push(to);
    aliases.set(from, list);
  };
  for (const [old, current] of Object.entries(merges as Record<string, string>))
    add(foldKey(old), foldKey(current));
  for (const a of HCMC) for (const b of HCMC) if (a !== b) add(a, b);
  return aliases;
}
