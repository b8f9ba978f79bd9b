/**
 * Invented but pronounceable names for the synthetic world, made from syllables, unique within
 * their kind. Some carry diacritics or a second spelling, so search meets the folding, alias and
 * transliteration cases real data has. Spheres and threats use real topic words.
 */
import type { Random } from './prng.ts';

const ONSETS = [
  'b',
  'd',
  'f',
  'g',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'z',
  'sh',
  'kh',
  'ch',
  'tr',
  'br',
  'dr',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'o', 'ai', 'ia'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k', 'sh'];
const COUNTRY_ENDINGS = ['ia', 'stan', 'land', 'ova', 'ana', 'ea', 'or', 'mark', 'ium', 'esh'];
const FAMILY_ENDINGS = [
  'ov',
  'ev',
  'in',
  'ski',
  'escu',
  'ovic',
  'ani',
  'ez',
  'son',
  'uli',
  'yan',
  'ek',
];
/** Letters whose accented form a transliteration might use. */
const ACCENTS: Record<string, string> = { a: 'á', e: 'é', o: 'ö', u: 'ü', i: 'ī', s: 'ş', h: 'ḩ' };

export const TITLES = [
  'President',
  'Prime Minister',
  'King',
  'Emir',
  'Chancellor',
  'Sultan',
] as const;

/** Broad spheres and their sub-spheres (PART_OF), in rough order of how often talks cover them. */
export const SPHERES: readonly (readonly [string, readonly string[]])[] = [
  [
    'Trade and economy',
    ['Investment', 'Customs cooperation', 'Banking and finance', 'Industrial cooperation'],
  ],
  [
    'Security',
    ['Counter-terrorism', 'Border security', 'Military-technical cooperation', 'Cybersecurity'],
  ],
  ['Energy', ['Hydropower', 'Oil and gas', 'Nuclear energy', 'Renewable energy']],
  ['Transport', ['Railways', 'Aviation', 'Logistics corridors']],
  [
    'Humanitarian cooperation',
    ['Education', 'Culture', 'Health care', 'Science', 'Tourism', 'Sport'],
  ],
  ['Migration', ['Labour migration', 'Consular affairs']],
  ['Agriculture', ['Water management', 'Food security']],
  ['Environment', ['Climate change', 'Glaciers']],
  ['Regional affairs', ['Afghanistan', 'Integration associations']],
];

export const THREATS = [
  'International terrorism',
  'Religious extremism',
  'Drug trafficking',
  'Transnational organised crime',
  'Cyber crime',
  'Illegal migration',
  'Arms smuggling',
  'Money laundering',
  'Pandemics',
  'Climate disasters',
  'Water scarcity',
  'Separatism',
] as const;

export const ORGANISATION_FORMS = [
  'Union',
  'Treaty Organisation',
  'Cooperation Council',
  'Economic Community',
  'Partnership',
  'Forum',
  'Development Bank',
] as const;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function syllable(random: Random): string {
  return random.pick(ONSETS) + random.pick(VOWELS) + random.pick(CODAS);
}

/** A name-maker that never hands out the same name twice. */
export class NameBook {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  private unique(make: () => string): string {
    for (;;) {
      const name = make();
      if (!this.used.has(name.toLowerCase())) {
        this.used.add(name.toLowerCase());
        return name;
      }
    }
  }

  country(): string {
    return this.unique(() => capitalise(syllable(this.random) + this.random.pick(COUNTRY_ENDINGS)));
  }

  city(): string {
    return this.unique(() =>
      capitalise(
        syllable(this.random) +
          syllable(this.random) +
          this.random.pick(['', 'abad', 'grad', 'pur', 'ville']),
      ),
    );
  }

  person(): { given: string; family: string } {
    let given = '';
    const family = this.unique(() => {
      given = capitalise(syllable(this.random) + syllable(this.random));
      return `${given} ${capitalise(syllable(this.random) + syllable(this.random) + this.random.pick(FAMILY_ENDINGS))}`;
    });
    return { given, family: family.slice(given.length + 1) };
  }

  organisation(region: string): string {
    return this.unique(() => `${region} ${this.random.pick(ORGANISATION_FORMS)}`);
  }

  agency(): string {
    return this.unique(
      () => `${capitalise(syllable(this.random) + syllable(this.random))} News Agency`,
    );
  }
}

/** A second spelling with one accented letter, as transliterations produce ("Rahmon"/"Raḩmon"). */
export function accented(name: string, random: Random): string | undefined {
  const positions = [...name].flatMap((c, i) => (ACCENTS[c] ? [i] : []));
  if (positions.length === 0) return undefined;
  const at = random.pick(positions);
  const chars = [...name];
  chars[at] = ACCENTS[chars[at] as string] as string;
  return chars.join('');
}
