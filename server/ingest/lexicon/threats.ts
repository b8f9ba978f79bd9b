/** Security threats named in joint statements, with the words that name them. */

export interface ThreatEntry {
  key: string;
  name: string;
  aliases: string[];
  patterns: string[];
}

export const THREATS: readonly ThreatEntry[] = [
  {
    key: 'threat:international-terrorism',
    name: 'International terrorism',
    aliases: ['terrorism'],
    patterns: ['(?:international )?terrorism', 'terrorist (?:threats?|activit(?:y|ies)|groups?)'],
  },
  {
    key: 'threat:extremism',
    name: 'Extremism',
    aliases: ['religious extremism', 'violent extremism'],
    patterns: ['(?:religious |violent )?extremism'],
  },
  { key: 'threat:separatism', name: 'Separatism', aliases: [], patterns: ['separatism'] },
  {
    key: 'threat:radicalism',
    name: 'Radicalism',
    aliases: ['radicalisation'],
    patterns: ['radicalism', 'radicali[sz]ation'],
  },
  {
    key: 'threat:transnational-crime',
    name: 'Transnational crime',
    aliases: ['transnational organised crime', 'organised crime', 'cross-border crime'],
    patterns: [
      'trans-?national (?:organi[sz]ed )?crime',
      'organi[sz]ed crime',
      'cross-border crime',
    ],
  },
  {
    key: 'threat:illegal-drug-trafficking',
    name: 'Illegal drug trafficking',
    aliases: ['drug trafficking', 'narcotics trafficking', 'illicit drug trafficking'],
    patterns: ['(?:illegal |illicit )?(?:drug|narcotics?) (?:trafficking|smuggling)'],
  },
  {
    key: 'threat:arms-smuggling',
    name: 'Arms smuggling',
    aliases: ['arms trafficking'],
    patterns: ['(?:arms|weapons) (?:smuggling|trafficking)'],
  },
  {
    key: 'threat:cybercrime',
    name: 'Cybercrime',
    aliases: ['cyber crime', 'cyber threats'],
    patterns: ['cyber-?crime', 'cyber ?threats?'],
  },
  {
    key: 'threat:illegal-migration',
    name: 'Illegal migration',
    aliases: ['irregular migration'],
    patterns: ['(?:illegal|irregular) migration'],
  },
  {
    key: 'threat:global-threats-and-challenges',
    name: 'Modern global threats and challenges',
    aliases: [
      'global threats and challenges',
      'new threats and challenges',
      'modern threats and challenges',
    ],
    patterns: ['(?:modern |new |global |contemporary )+threats and challenges'],
  },
];
