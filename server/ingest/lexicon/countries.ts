/**
 * The country gazetteer: every ISO 3166-1 country from the world-countries package with its
 * common and official names, Latin alternative spellings, English demonyms and capital. A few
 * demonyms in everyday English use that the package lacks are added below.
 */
import worldCountries from 'world-countries';
import { slug } from '../text/fold.ts';

export interface CountryEntry {
  /** Graph key: `country:<slug of the common name>`. */
  key: string;
  name: string;
  officialName: string;
  iso2: string;
  iso3: string;
  isoNumeric: string;
  demonym: string;
  capitals: string[];
  /** Every form that names the country in English text (names, spellings, demonyms). */
  forms: string[];
  /** The forms that are demonyms (adjectives), e.g. "Tajik", "Russian". */
  demonyms: string[];
}

/** Demonyms and short forms common in English press texts but absent from the package data. */
const EXTRA_FORMS: Record<string, string[]> = {
  TJ: ['Tajik', 'Tajikistani'],
  KZ: ['Kazakh'],
  UZ: ['Uzbek'],
  KG: ['Kyrgyz', 'Kyrgyzstani', 'Kirgizia'],
  TM: ['Turkmenistani'],
  TR: ['Turkey'],
  RU: ['Russian Federation'],
  CN: ['PRC'],
  US: ['U.S.', 'USA'],
  GB: ['Britain', 'UK'],
  KR: ['South Korea', 'South Korean'],
  KP: ['North Korea', 'North Korean'],
  IR: ['Persia'],
  AE: ['UAE', 'Emirati'],
};
const EXTRA_DEMONYMS = new Set([
  'Tajik',
  'Tajikistani',
  'Kazakh',
  'Uzbek',
  'Kyrgyz',
  'Kyrgyzstani',
  'Turkmenistani',
  'South Korean',
  'North Korean',
  'Emirati',
]);

/** Alternative spellings kept for matching text: Latin letters, longer than a code, not all caps. */
function usableSpelling(spelling: string): boolean {
  return (
    spelling.length > 3 &&
    /^[\p{Script=Latin}\s.'’-]+$/u.test(spelling) &&
    spelling !== spelling.toUpperCase()
  );
}

function build(): CountryEntry[] {
  return worldCountries.map((c) => {
    const extra = EXTRA_FORMS[c.cca2] ?? [];
    const demonym = c.demonyms.eng?.m ?? c.demonyms.eng?.f ?? '';
    // The everyday form ("Tajik") comes before the package's ("Tadzhik").
    const demonyms = [
      ...new Set([...extra.filter((f) => EXTRA_DEMONYMS.has(f)), demonym, c.demonyms.eng?.f ?? '']),
    ].filter(Boolean);
    const forms = new Set<string>([
      c.name.common,
      c.name.official,
      ...c.altSpellings.filter(usableSpelling),
      ...demonyms,
      ...extra,
    ]);
    return {
      key: `country:${slug(c.name.common)}`,
      name: c.name.common,
      officialName: c.name.official,
      iso2: c.cca2,
      iso3: c.cca3,
      isoNumeric: c.ccn3,
      demonym: demonyms[0] ?? '',
      capitals: c.capital,
      forms: [...forms].filter(Boolean),
      demonyms,
    };
  });
}

export const COUNTRIES: readonly CountryEntry[] = build();

const BY_KEY = new Map(COUNTRIES.map((c) => [c.key, c]));
export function countryByKey(key: string): CountryEntry | undefined {
  return BY_KEY.get(key);
}

const BY_CAPITAL = new Map(
  COUNTRIES.flatMap((c) => c.capitals.map((capital) => [capital.toLowerCase(), c] as const)),
);
/** The country whose capital this is ("Dushanbe" → Tajikistan). */
export function countryOfCapital(city: string): CountryEntry | undefined {
  return BY_CAPITAL.get(city.toLowerCase());
}
