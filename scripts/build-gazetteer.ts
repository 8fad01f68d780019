/**
 * Builds the compact gazetteer and surname list the extractor loads at start
 * (src/extract/data/gazetteer.json, src/extract/data/surnames.json) from the shared data
 * (../shared/data/vn_provinces, ../shared/data/vn_names) and i18n-iso-countries.
 * Run: `npx tsx scripts/build-gazetteer.ts`. The output is committed, so the extractor needs
 * neither the shared folder nor i18n-iso-countries at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const shared = join(root, '..', 'shared', 'data');
const out = join(root, 'src', 'extract', 'data');

interface Province63 {
  readonly name: string;
  readonly name_en: string;
  readonly districts: readonly string[];
}
interface Province34 {
  readonly name: string;
  readonly name_en: string;
}
type CountryNames = Record<string, string | readonly string[]>;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const old = readJson(join(shared, 'vn_provinces', 'provinces_63_before_2025-07-01.json')) as Province63[];
const current = readJson(join(shared, 'vn_provinces', 'provinces_34_current.json')) as Province34[];

const provinces = new Set<string>();
for (const p of [...old, ...current]) {
  provinces.add(p.name.normalize('NFC'));
  provinces.add(p.name_en);
}
// Short and English forms news uses for the largest units.
for (const alias of [
  'TP.HCM',
  'TPHCM',
  'TP HCM',
  'HCMC',
  'Sài Gòn',
  'Saigon',
  'Hanoi',
  'Haiphong',
  'Thủ đô Hà Nội',
]) {
  provinces.add(alias);
}

// Districts keep their unit word ("huyện", "quận", "thị xã", "thành phố") so that bare names,
// which collide with people's names more often, are only matched after such a word.
const districts = new Set<string>();
for (const p of old) {
  for (const d of p.districts) {
    const m = /^(Huyện|Quận|Thị xã|Thành phố)\s+(.+)$/u.exec(d.normalize('NFC'));
    if (m?.[2] !== undefined) districts.add(m[2]);
  }
}

const countries = new Set<string>();
for (const lang of ['vi', 'en']) {
  const data = readJson(join(root, 'node_modules', 'i18n-iso-countries', 'langs', `${lang}.json`)) as {
    countries: CountryNames;
  };
  for (const v of Object.values(data.countries)) {
    for (const name of typeof v === 'string' ? [v] : v) {
      if (name.length >= 2 && !name.includes(',')) countries.add(name.normalize('NFC'));
    }
  }
}
// Short forms in Vietnamese and English news that the CLDR-style names lack.
for (const alias of [
  'Lào',
  'Anh',
  'Hoa Kỳ',
  'Triều Tiên',
  'Bắc Triều Tiên',
  'Úc',
  'Australia',
  'Nga',
  'Mỹ',
  'Đức',
  'Pháp',
  'Ấn Độ',
  'Hàn Quốc',
  'Nhật Bản',
  'Trung Quốc',
  'Đài Loan',
  'Hồng Kông',
  'Hong Kong',
  'Britain',
  'America',
  'Myanmar',
  'Philippines',
  'Indonesia',
  'Malaysia',
  'Singapore',
  'Campuchia',
  'Thái Lan',
  'Việt Nam',
  'Vietnam',
  'Viet Nam',
  'Israel',
  'Iran',
  'Iraq',
  'Ukraine',
  'Syria',
  'Gaza',
  'Palestine',
  'Thổ Nhĩ Kỳ',
  'Hy Lạp',
  'Ai Cập',
  'Nam Phi',
  'Tây Ban Nha',
  'Bồ Đào Nha',
  'Ý',
  'Italy',
  'Hà Lan',
  'Thụy Sĩ',
  'Thụy Điển',
  'Na Uy',
  'Phần Lan',
  'Ba Lan',
  'Séc',
  'Canada',
  'Mexico',
  'Brazil',
  'Argentina',
  'Cuba',
  'Peru',
  'Chile',
  'Ecuador',
  'Colombia',
  'Venezuela',
  'New Zealand',
  'Ả Rập Xê Út',
  'Saudi Arabia',
  'Liên minh châu Âu',
  'EU',
  'châu Âu',
  'châu Á',
  'Europe',
  'Asia',
  'Biển Đông',
  'South China Sea',
]) {
  countries.add(alias);
}

// Major world cities (and a few regions) in Vietnamese and English: a short hand-made list.
const cities = [
  'Bangkok',
  'Washington',
  'Washington D.C.',
  'New York',
  'Los Angeles',
  'San Francisco',
  'Chicago',
  'London',
  'Paris',
  'Berlin',
  'Moskva',
  'Moscow',
  'Bắc Kinh',
  'Beijing',
  'Thượng Hải',
  'Shanghai',
  'Thiên Tân',
  'Tianjin',
  'Quảng Châu',
  'Guangzhou',
  'Thâm Quyến',
  'Shenzhen',
  'Tokyo',
  'Osaka',
  'Seoul',
  'Bình Nhưỡng',
  'Pyongyang',
  'Viêng Chăn',
  'Vientiane',
  'Phnom Penh',
  'Singapore',
  'Kuala Lumpur',
  'Jakarta',
  'Manila',
  'Yangon',
  'New Delhi',
  'Mumbai',
  'Sydney',
  'Canberra',
  'Melbourne',
  'Ottawa',
  'Toronto',
  'Brussels',
  'Geneva',
  'Genève',
  'Vienna',
  'Rome',
  'Madrid',
  'Lisbon',
  'Athens',
  'Istanbul',
  'Ankara',
  'Izmir',
  'Kiev',
  'Kyiv',
  'Tel Aviv',
  'Jerusalem',
  'Tehran',
  'Dubai',
  'Doha',
  'Riyadh',
  'Cairo',
  'Helsinki',
  'Stockholm',
  'Oslo',
  'Copenhagen',
  'Warsaw',
  'Prague',
  'Budapest',
  'Havana',
  'Santiago',
  'Lima',
  'Quito',
  'Buenos Aires',
  'Rio de Janeiro',
  'São Paulo',
  'Davos',
  'Đà Lạt',
  'Hạ Long',
  'Nha Trang',
  'Vũng Tàu',
  'Phú Quốc',
  'Sa Pa',
  'Hội An',
  'Croydon',
  'Hải Nam',
  'Hainan',
  'Samos',
  'Guayas',
];

const surnameData = readJson(join(shared, 'vn_names', 'surname_freq_uit_members_derived.json')) as {
  surnames: ReadonlyArray<{ surname: string; count: number }>;
};
// Drop mis-decoded spellings in the source (VNI/TCVN3 residue) and entries that are usually
// not surnames in running text.
const notSurname = new Set(['Văn', 'Y', 'Quang', 'Ánh', 'Hồng', 'Trang', 'Giang', 'Hoà', 'Hùynh', 'Ông']);
const surnames = surnameData.surnames
  .map((s) => s.surname.normalize('NFC'))
  .filter((s) => !notSurname.has(s) && /^[\p{Lu}][\p{Ll}\u0300-\u036f]+$/u.test(s) && !/[ñøöÑĂ]/u.test(s));

const sorted = (s: Set<string>): string[] => [...s].sort((a, b) => a.localeCompare(b, 'vi'));
writeFileSync(
  join(out, 'gazetteer.json'),
  `${JSON.stringify({ provinces: sorted(provinces), districts: sorted(districts), countries: sorted(countries), cities })}\n`,
);
writeFileSync(join(out, 'surnames.json'), `${JSON.stringify(surnames)}\n`);
process.stdout.write(
  `provinces ${provinces.size}, districts ${districts.size}, countries ${countries.size}, cities ${cities.length}, surnames ${surnames.length}\n`,
);
