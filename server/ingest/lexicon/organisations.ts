/**
 * International organisations, forums, initiatives and funds by acronym and full name. Keys match
 * the seed's where the seed has the organisation. Organisations not listed are still found by
 * the generic pattern in extract/organisations.ts (capitalised names ending in Organization,
 * Commission, Forum, Bank, Fund…), so this list only needs the ones usually cited by acronym.
 */

export type OrganisationType =
  | 'international organisation'
  | 'commission'
  | 'forum'
  | 'initiative'
  | 'fund'
  | 'bank'
  | 'ministry'
  | 'agency';

export interface OrganisationEntry {
  key: string;
  name: string;
  acronym?: string;
  aliases: string[];
  type: OrganisationType;
}

export const ORGANISATIONS: readonly OrganisationEntry[] = [
  {
    key: 'organisation:un',
    name: 'United Nations',
    acronym: 'UN',
    aliases: ['United Nations Organization', 'U.N.'],
    type: 'international organisation',
  },
  {
    key: 'organisation:cis',
    name: 'Commonwealth of Independent States',
    acronym: 'CIS',
    aliases: [],
    type: 'international organisation',
  },
  {
    key: 'organisation:csto',
    name: 'Collective Security Treaty Organization',
    acronym: 'CSTO',
    aliases: ['Collective Security Treaty Organisation'],
    type: 'international organisation',
  },
  {
    key: 'organisation:sco',
    name: 'Shanghai Cooperation Organisation',
    acronym: 'SCO',
    aliases: ['Shanghai Cooperation Organization'],
    type: 'international organisation',
  },
  {
    key: 'organisation:osce',
    name: 'Organization for Security and Co-operation in Europe',
    acronym: 'OSCE',
    aliases: [
      'Organisation for Security and Co-operation in Europe',
      'Organization for Security and Cooperation in Europe',
    ],
    type: 'international organisation',
  },
  {
    key: 'organisation:cica',
    name: 'Conference on Interaction and Confidence-Building Measures in Asia',
    acronym: 'CICA',
    aliases: ['Conference on Interaction and Confidence Building Measures in Asia'],
    type: 'forum',
  },
  {
    key: 'organisation:eaeu',
    name: 'Eurasian Economic Union',
    acronym: 'EAEU',
    aliases: ['EEU'],
    type: 'international organisation',
  },
  {
    key: 'organisation:eu',
    name: 'European Union',
    acronym: 'EU',
    aliases: [],
    type: 'international organisation',
  },
  {
    key: 'organisation:nato',
    name: 'North Atlantic Treaty Organization',
    acronym: 'NATO',
    aliases: ['North Atlantic Treaty Organisation'],
    type: 'international organisation',
  },
  {
    key: 'organisation:asean',
    name: 'Association of Southeast Asian Nations',
    acronym: 'ASEAN',
    aliases: [],
    type: 'international organisation',
  },
  {
    key: 'organisation:brics',
    name: 'BRICS',
    acronym: 'BRICS',
    aliases: [],
    type: 'international organisation',
  },
  {
    key: 'organisation:oic',
    name: 'Organisation of Islamic Cooperation',
    acronym: 'OIC',
    aliases: ['Organization of Islamic Cooperation'],
    type: 'international organisation',
  },
  {
    key: 'organisation:eco',
    name: 'Economic Cooperation Organization',
    acronym: 'ECO',
    aliases: ['Economic Cooperation Organisation'],
    type: 'international organisation',
  },
  {
    key: 'organisation:wto',
    name: 'World Trade Organization',
    acronym: 'WTO',
    aliases: ['World Trade Organisation'],
    type: 'international organisation',
  },
  {
    key: 'organisation:imf',
    name: 'International Monetary Fund',
    acronym: 'IMF',
    aliases: [],
    type: 'fund',
  },
  { key: 'organisation:world-bank', name: 'World Bank', aliases: [], type: 'bank' },
  {
    key: 'organisation:aiib',
    name: 'Asian Infrastructure Investment Bank',
    acronym: 'AIIB',
    aliases: [],
    type: 'bank',
  },
  {
    key: 'organisation:adb',
    name: 'Asian Development Bank',
    acronym: 'ADB',
    aliases: [],
    type: 'bank',
  },
  { key: 'organisation:silk-road-fund', name: 'Silk Road Fund', aliases: [], type: 'fund' },
  {
    key: 'organisation:belt-and-road-initiative',
    name: 'Belt and Road Initiative',
    acronym: 'BRI',
    aliases: ['One Belt, One Road', 'One Belt One Road'],
    type: 'initiative',
  },
  {
    key: 'organisation:silk-road-economic-belt',
    name: 'Silk Road Economic Belt',
    aliases: [],
    type: 'initiative',
  },
  {
    key: 'organisation:carec',
    name: 'Central Asia Regional Economic Cooperation',
    acronym: 'CAREC',
    aliases: [],
    type: 'international organisation',
  },
];
