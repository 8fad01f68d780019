/**
 * Builds src/digest/data/province-merges.json from ../shared/data/vn_provinces (MIT, from
 * github.com/thanglequoc/vietnamese-provinces-database): which pre-2025 province became part of
 * which current unit. Run: npx tsx scripts/build-province-merges.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface Unit {
  readonly name: string;
  readonly formed_from_pre2025: readonly string[];
}

const units = JSON.parse(
  readFileSync('../shared/data/vn_provinces/provinces_34_current.json', 'utf8'),
) as Unit[];
const merges: Record<string, string> = {};
for (const u of units) for (const old of u.formed_from_pre2025) if (old !== u.name) merges[old] = u.name;
writeFileSync('src/digest/data/province-merges.json', `${JSON.stringify(merges, null, 1)}\n`);
console.log(`${String(Object.keys(merges).length)} merged provinces`);
