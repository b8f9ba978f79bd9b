/**
 * Spheres of cooperation: the words that name each sphere in press texts, mapped onto the seed's
 * sphere hierarchy (same keys and names), extended with spheres the seed article does not reach.
 * `parents` give the PART_OF hierarchy; a PART_OF fact is only stated when a sentence names both.
 * Narrow spheres (educational quotas, border protection) are entries of their own, so a longer
 * name wins over the broad word inside it ("tourism infrastructure" over "infrastructure").
 */

export interface SphereEntry {
  key: string;
  name: string;
  aliases: string[];
  /** Regular-expression sources, matched case-insensitively on word boundaries. */
  patterns: string[];
  /** Broader spheres: a PART_OF fact to one is stated when a sentence names both. */
  parents?: readonly string[];
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
    parents: [ROOT],
  },
  {
    key: 'sphere:trade',
    name: 'Trade',
    aliases: ['foreign trade', 'trade cooperation', 'commerce'],
    patterns: ['(?:foreign |two-way |bilateral )?trade', 'trading', 'commerc(?:e|ial)'],
    parents: [ROOT],
  },
  {
    key: 'sphere:investment',
    name: 'Investment',
    aliases: ['investments', 'investment cooperation'],
    patterns: ['investments?'],
    parents: [ROOT],
  },
  {
    key: 'sphere:energy',
    name: 'Energy',
    aliases: ['energy sector', 'energy cooperation'],
    patterns: ['energy', 'power engineering', 'hydropower'],
    parents: [ROOT],
  },
  {
    key: 'sphere:oil-and-gas',
    name: 'Oil and gas sector',
    aliases: ['oil and gas', 'oil and gas industry', 'hydrocarbons'],
    patterns: ['oil and gas(?: sector| industry)?', 'hydrocarbons?'],
    parents: ['sphere:energy'],
  },
  {
    key: 'sphere:transport',
    name: 'Transport',
    aliases: ['transportation'],
    patterns: ['transport(?:ation)?', 'logistics'],
    parents: [ROOT],
  },
  {
    key: 'sphere:agriculture',
    name: 'Agriculture',
    aliases: ['agricultural cooperation'],
    patterns: ['agricultur(?:e|al)', 'agro-?industr(?:y|ial)'],
    parents: [ROOT],
  },
  {
    key: 'sphere:migration',
    name: 'Migration',
    aliases: ['labour migration', 'migration cooperation'],
    patterns: ['(?:labou?r )?migration', 'migrants?'],
    parents: [ROOT],
  },
  {
    key: 'sphere:science',
    name: 'Science',
    aliases: ['science and education', 'scientific cooperation'],
    patterns: ['science', 'scientific'],
    parents: [ROOT],
  },
  {
    key: 'sphere:education',
    name: 'Education',
    aliases: ['educational cooperation'],
    patterns: ['education(?:al)?'],
    parents: [ROOT],
  },
  {
    key: 'sphere:culture',
    name: 'Culture',
    aliases: ['cultural cooperation'],
    patterns: ['cultur(?:e|al)'],
    parents: [ROOT],
  },
  {
    key: 'sphere:tourism',
    name: 'Tourism',
    aliases: ['tourist exchange'],
    patterns: ['touris(?:m|t)'],
    parents: [ROOT],
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
    parents: [ROOT],
  },
  {
    key: 'sphere:security',
    name: 'Security',
    aliases: ['security cooperation'],
    patterns: ['security', 'stability', 'defen[cs]e'],
    parents: [ROOT],
  },
  {
    key: 'sphere:military-cooperation',
    name: 'Military cooperation',
    aliases: ['military'],
    patterns: ['military(?! and technical| technical|-technical)'],
    parents: ['sphere:security'],
  },
  {
    key: 'sphere:military-technical-cooperation',
    name: 'Military-technical cooperation',
    aliases: ['military and technical cooperation', 'military technical cooperation'],
    patterns: ['military(?:-| and | )technical(?: cooperation)?'],
    parents: ['sphere:military-cooperation'],
  },
  {
    key: 'sphere:politics',
    name: 'Politics',
    aliases: ['political cooperation'],
    // "the political situation", "the highest political level" are no sphere of cooperation.
    patterns: [
      'politics',
      'political (?:cooperation|ties|relations|interaction|sphere|field|contacts|consultations)',
    ],
    parents: [ROOT],
  },
  {
    key: 'sphere:finance',
    name: 'Finance',
    aliases: ['financial cooperation'],
    patterns: ['financ(?:e|ial)', 'banking'],
    parents: [ROOT],
  },
  {
    key: 'sphere:infrastructure',
    name: 'Infrastructure',
    aliases: ['infrastructure development'],
    // Infrastructure of another sphere ("tourism infrastructure") belongs to that sphere.
    patterns: ['(?<!tourism |tourist |transport )infrastructure', 'connectivity'],
    parents: [ROOT],
  },
  {
    key: 'sphere:industry',
    name: 'Industry',
    aliases: ['industrial cooperation'],
    patterns: ['industr(?:y|ial)', 'manufacturing'],
    parents: [ROOT],
  },
  {
    key: 'sphere:mining',
    name: 'Mining',
    aliases: ['mining industry'],
    patterns: ['mining'],
    parents: [ROOT],
  },
  {
    key: 'sphere:water-resources',
    name: 'Water resources',
    aliases: ['water management'],
    patterns: ['water resources', 'water management'],
    parents: [ROOT],
  },
  {
    key: 'sphere:humanitarian',
    name: 'Humanitarian cooperation',
    aliases: ['humanitarian'],
    patterns: ['humanitarian'],
    parents: [ROOT],
  },
  {
    key: 'sphere:youth',
    name: 'Youth',
    aliases: ['youth exchange'],
    patterns: ['youth'],
    parents: [ROOT],
  },
  {
    key: 'sphere:health',
    name: 'Health care',
    aliases: ['healthcare', 'public health'],
    patterns: ['health(?:care| care)?', 'medicine', 'medical'],
    parents: [ROOT],
  },
  {
    key: 'sphere:digital',
    name: 'Digital technologies',
    aliases: ['digitalisation', 'information technology'],
    patterns: ['digital(?:i[sz]ation)?', 'information technolog(?:y|ies)'],
    parents: [ROOT],
  },
  {
    key: 'sphere:political-dialogue',
    name: 'Political dialogue',
    aliases: ['dialogue at the highest political level', 'high-level dialogue'],
    patterns: [
      '(?:political )?dialogue at the highest(?: political)? level',
      'political dialogue',
      'high-level (?:political )?dialogue',
    ],
    parents: ['sphere:politics'],
  },
  {
    key: 'sphere:educational-institutions',
    name: 'Educational institutions',
    aliases: ['creation of educational institutions'],
    patterns: [
      '(?:creation|opening|establishment) of (?:new |joint )?educational institutions',
      '(?<!higher )educational institutions',
    ],
    parents: ['sphere:education'],
  },
  {
    key: 'sphere:russian-language-study',
    name: 'Study of the Russian language',
    aliases: ['Russian language', 'Russian language study'],
    patterns: [
      '(?:(?:more )?(?:advanced )?(?:study|teaching|learning) of )?the russian language',
      'russian language (?:study|teaching|learning|schools?|courses)',
    ],
    parents: ['sphere:education'],
  },
  {
    key: 'sphere:educational-quotas',
    name: 'Educational quotas',
    aliases: ['university quotas', 'study quotas'],
    patterns: ['(?:educational|university|study|admission|scholarship) quotas?'],
    parents: ['sphere:education'],
  },
  {
    key: 'sphere:training-of-culture-specialists',
    name: 'Training of specialists of culture and creativity',
    aliases: ['culture specialists', 'creative specialists'],
    patterns: [
      '(?:training of )?specialists (?:of|in) culture(?: and (?:creativity|art|the arts))?',
    ],
    parents: ['sphere:culture'],
  },
  {
    key: 'sphere:scientific-cultural-and-artistic-circles',
    name: 'Scientific, cultural and artistic circles',
    aliases: ['artistic circles', 'scientific circles', 'cultural circles'],
    patterns: [
      'scientific, cultural and artistic circles',
      '(?:scientific|cultural|artistic|academic) circles',
    ],
    parents: ['sphere:science', 'sphere:culture'],
  },
  {
    key: 'sphere:tourism-experience-exchange',
    name: 'Tourist companies and agencies',
    aliases: ['tourist companies', 'tourist agencies', 'travel agencies'],
    patterns: [
      '(?:exchange of experience (?:of|between) )?(?:tourist|travel|tour) (?:companies|agencies|operators)(?: and (?:agencies|operators))?',
    ],
    parents: ['sphere:tourism'],
  },
  {
    key: 'sphere:tourism-infrastructure',
    name: 'Tourism infrastructure',
    aliases: ['tourist infrastructure'],
    patterns: ['touris[mt] infrastructure'],
    parents: ['sphere:tourism'],
  },
  {
    key: 'sphere:border-protection',
    name: 'Border protection',
    aliases: ['protection of the state border', 'border security'],
    patterns: [
      '(?:protection|protecting|guarding|strengthening) of the (?:state |common )?borders?(?: of \\p{L}+ with \\p{L}+)?',
      'border (?:protection|security)',
    ],
  },
  {
    key: 'sphere:regional-security-and-stability',
    name: 'Regional security and stability',
    aliases: [
      'security and stability throughout the region',
      'regional security',
      'regional stability',
    ],
    patterns: [
      'regional (?:security and stability|security|stability)',
      '(?:peace, )?security and stability (?:throughout|in) the region',
    ],
  },
];

export const ROOT_SPHERE = ROOT;

const BY_KEY = new Map(SPHERES.map((s) => [s.key, s]));
export function sphereByKey(key: string): SphereEntry | undefined {
  return BY_KEY.get(key);
}
