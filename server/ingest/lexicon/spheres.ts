/**
 * Spheres of cooperation: the words that name each sphere in press texts, mapped onto the seed's
 * sphere hierarchy (same keys and names), extended with spheres the seed article does not reach.
 * `parent` gives the PART_OF hierarchy; a PART_OF fact is only stated when a sentence names both.
 */

export interface SphereEntry {
  key: string;
  name: string;
  aliases: string[];
  /** Regular-expression sources, matched case-insensitively on word boundaries. */
  patterns: string[];
  parent?: string;
}

const ROOT = 'sphere:interstate-cooperation';

export const SPHERES: readonly SphereEntry[] = [
  {
    key: ROOT,
    name: 'Interstate cooperation',
    aliases: [
      'inter-state relations',
      'interstate relations',
      'bilateral cooperation',
      'bilateral relations',
    ],
    patterns: [
      'inter-?state (?:relations|cooperation|ties)',
      'bilateral (?:relations|cooperation|ties|relationship|matters|agenda)',
    ],
  },
  {
    key: 'sphere:economy',
    name: 'Economy',
    aliases: ['economic cooperation'],
    patterns: ['econom(?:y|ic|ies)'],
    parent: ROOT,
  },
  {
    key: 'sphere:trade',
    name: 'Trade',
    aliases: ['foreign trade', 'trade cooperation', 'commerce'],
    patterns: ['(?:foreign |two-way |bilateral )?trade', 'trading', 'commerc(?:e|ial)'],
    parent: ROOT,
  },
  {
    key: 'sphere:investment',
    name: 'Investment',
    aliases: ['investments', 'investment cooperation'],
    patterns: ['investments?'],
    parent: ROOT,
  },
  {
    key: 'sphere:energy',
    name: 'Energy',
    aliases: ['energy sector', 'energy cooperation'],
    patterns: ['energy', 'power engineering', 'hydropower'],
    parent: ROOT,
  },
  {
    key: 'sphere:oil-and-gas',
    name: 'Oil and gas sector',
    aliases: ['oil and gas', 'oil and gas industry', 'hydrocarbons'],
    patterns: ['oil and gas(?: sector| industry)?', 'hydrocarbons?'],
    parent: 'sphere:energy',
  },
  {
    key: 'sphere:transport',
    name: 'Transport',
    aliases: ['transportation'],
    patterns: ['transport(?:ation)?', 'logistics'],
    parent: ROOT,
  },
  {
    key: 'sphere:agriculture',
    name: 'Agriculture',
    aliases: ['agricultural cooperation'],
    patterns: ['agricultur(?:e|al)', 'agro-?industr(?:y|ial)'],
    parent: ROOT,
  },
  {
    key: 'sphere:migration',
    name: 'Migration',
    aliases: ['labour migration', 'migration cooperation'],
    patterns: ['(?:labou?r )?migration', 'migrants?'],
    parent: ROOT,
  },
  {
    key: 'sphere:science',
    name: 'Science',
    aliases: ['science and education', 'scientific cooperation'],
    patterns: ['science', 'scientific'],
    parent: ROOT,
  },
  {
    key: 'sphere:education',
    name: 'Education',
    aliases: ['educational cooperation'],
    patterns: ['education(?:al)?'],
    parent: ROOT,
  },
  {
    key: 'sphere:culture',
    name: 'Culture',
    aliases: ['cultural cooperation'],
    patterns: ['cultur(?:e|al)'],
    parent: ROOT,
  },
  {
    key: 'sphere:tourism',
    name: 'Tourism',
    aliases: ['tourist exchange'],
    patterns: ['touris(?:m|t)'],
    parent: ROOT,
  },
  {
    key: 'sphere:interregional-cooperation',
    name: 'Cooperation between regions, cities and districts',
    aliases: [
      'interregional cooperation',
      'inter-regional cooperation',
      'regional cooperation',
      'cooperation between cities',
    ],
    patterns: [
      'cooperation between (?:the )?regions(?:, cities and districts)?',
      'inter-?regional (?:cooperation|ties|relations)',
    ],
    parent: ROOT,
  },
  {
    key: 'sphere:security',
    name: 'Security',
    aliases: ['security cooperation', 'regional security'],
    patterns: ['security', 'stability', 'defen[cs]e'],
    parent: ROOT,
  },
  {
    key: 'sphere:military-cooperation',
    name: 'Military cooperation',
    aliases: ['military'],
    patterns: ['military(?! and technical| technical|-technical)', 'armed forces'],
    parent: 'sphere:security',
  },
  {
    key: 'sphere:military-technical-cooperation',
    name: 'Military-technical cooperation',
    aliases: ['military and technical cooperation', 'military technical cooperation'],
    patterns: ['military(?:-| and | )technical(?: cooperation)?'],
    parent: 'sphere:military-cooperation',
  },
  {
    key: 'sphere:politics',
    name: 'Politics',
    aliases: ['political cooperation', 'political dialogue'],
    // "the political situation", "the highest political level" are no sphere of cooperation.
    patterns: [
      'politics',
      'political (?:dialogue|cooperation|ties|relations|interaction|sphere|field|contacts|consultations)',
    ],
    parent: ROOT,
  },
  {
    key: 'sphere:finance',
    name: 'Finance',
    aliases: ['financial cooperation'],
    patterns: ['financ(?:e|ial)', 'banking'],
    parent: ROOT,
  },
  {
    key: 'sphere:infrastructure',
    name: 'Infrastructure',
    aliases: ['infrastructure development'],
    // Infrastructure of another sphere ("tourism infrastructure") belongs to that sphere.
    patterns: ['(?<!tourism |tourist |transport )infrastructure', 'connectivity'],
    parent: ROOT,
  },
  {
    key: 'sphere:industry',
    name: 'Industry',
    aliases: ['industrial cooperation'],
    patterns: ['industr(?:y|ial)', 'manufacturing'],
    parent: ROOT,
  },
  {
    key: 'sphere:mining',
    name: 'Mining',
    aliases: ['mining industry'],
    patterns: ['mining'],
    parent: ROOT,
  },
  {
    key: 'sphere:water-resources',
    name: 'Water resources',
    aliases: ['water management'],
    patterns: ['water resources', 'water management'],
    parent: ROOT,
  },
  {
    key: 'sphere:humanitarian',
    name: 'Humanitarian cooperation',
    aliases: ['humanitarian'],
    patterns: ['humanitarian'],
    parent: ROOT,
  },
  {
    key: 'sphere:youth',
    name: 'Youth',
    aliases: ['youth exchange'],
    patterns: ['youth'],
    parent: ROOT,
  },
  {
    key: 'sphere:health',
    name: 'Health care',
    aliases: ['healthcare', 'public health'],
    patterns: ['health(?:care| care)?', 'medicine', 'medical'],
    parent: ROOT,
  },
  {
    key: 'sphere:digital',
    name: 'Digital technologies',
    aliases: ['digitalisation', 'information technology'],
    patterns: ['digital(?:i[sz]ation)?', 'information technolog(?:y|ies)'],
    parent: ROOT,
  },
];

export const ROOT_SPHERE = ROOT;

const BY_KEY = new Map(SPHERES.map((s) => [s.key, s]));
export function sphereByKey(key: string): SphereEntry | undefined {
  return BY_KEY.get(key);
}
