/**
 * Offices that introduce a person's name in press texts ("President of Tajikistan Emomali
 * Rahmon", "Chinese President Xi Jinping"). `headOfState` offices make a LEADS fact.
 */

export interface OfficeEntry {
  /** Canonical office name used in titles ("President"). */
  office: string;
  /** Regular-expression source for the office words (case-insensitive). */
  pattern: string;
  headOfState: boolean;
}

export const OFFICES: readonly OfficeEntry[] = [
  { office: 'Vice President', pattern: 'vice[- ]president', headOfState: false },
  { office: 'President', pattern: 'presidents?', headOfState: true },
  // "Minster" is a frequent misspelling in wire copy.
  { office: 'Prime Minister', pattern: 'prime mini?ster', headOfState: false },
  {
    office: 'Foreign Minister',
    pattern: 'foreign mini?ster|mini?ster of foreign affairs',
    headOfState: false,
  },
  {
    office: 'Minister',
    pattern: 'mini?ster(?: of [A-Z][a-z]+(?: and [A-Z][a-z]+)?)?',
    headOfState: false,
  },
  {
    office: 'Head of State',
    pattern: 'head of (?:the )?state|heads of (?:the |both |the two )?states?',
    headOfState: true,
  },
  { office: 'Head of Government', pattern: 'head of (?:the )?government', headOfState: false },
  { office: 'Chairman', pattern: 'chairman|chairwoman|chairperson', headOfState: false },
  { office: 'Secretary-General', pattern: 'secretary[- ]general', headOfState: false },
  { office: 'Chancellor', pattern: 'chancellor', headOfState: false },
  { office: 'King', pattern: 'king', headOfState: true },
  { office: 'Emir', pattern: 'emir|amir', headOfState: true },
  { office: 'Sultan', pattern: 'sultan', headOfState: true },
  { office: 'Ambassador', pattern: 'ambassador', headOfState: false },
  { office: 'Speaker', pattern: 'speaker', headOfState: false },
  { office: 'Leader', pattern: 'leaders?', headOfState: true },
  { office: 'Counterpart', pattern: 'counterpart', headOfState: false },
];
