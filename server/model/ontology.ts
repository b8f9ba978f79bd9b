/**
 * The Summit Graph ontology: node kinds, their key prefixes and required properties, and the
 * relationship types with the kinds they may connect. The seed validator, the loader's fixed
 * Cypher texts and docs/MODEL.md are all derived from or checked against this one vocabulary.
 */

/** Every domain node carries this label beside its kind; the full-text index covers it. */
export const ENTITY_LABEL = 'Entity';
export const DOCUMENT_LABEL = 'Document';
export const PASSAGE_LABEL = 'Passage';

export const ENTITY_KINDS = [
  'Country',
  'Person',
  'Organisation',
  'Sphere',
  'Meeting',
  'Award',
  'Indicator',
  'Threat',
  'Anniversary',
  'Proposal',
  'Agreement',
  'Venue',
] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** A relationship end is an entity kind or the Document a fact is about. */
export type EndpointKind = EntityKind | typeof DOCUMENT_LABEL;

interface KindSpec {
  /** Every key of this kind starts with `<prefix>:`, so keys are unique across kinds too. */
  prefix: string;
  /** Properties (text or background) an entity of this kind must have. */
  required: readonly string[];
}

export const KIND_SPECS: Record<EntityKind, KindSpec> = {
  Country: { prefix: 'country', required: ['officialName'] },
  Person: { prefix: 'person', required: ['title'] },
  Organisation: { prefix: 'organisation', required: [] },
  Sphere: { prefix: 'sphere', required: [] },
  Meeting: { prefix: 'meeting', required: [] },
  Award: { prefix: 'award', required: [] },
  Indicator: { prefix: 'indicator', required: ['measure', 'value', 'unit', 'year'] },
  Threat: { prefix: 'threat', required: [] },
  Anniversary: { prefix: 'anniversary', required: ['ordinal'] },
  Proposal: { prefix: 'proposal', required: [] },
  Agreement: { prefix: 'agreement', required: ['form'] },
  Venue: { prefix: 'venue', required: ['facility'] },
};

export const DOCUMENT_PREFIX = 'document';

/** A fact's key: one fact per type and ordered pair of ends, whoever states it. */
export const factKey = (from: string, type: FactType, to: string): string =>
  `${from}-${type}->${to}`;

/**
 * On our kinds, an integer `year` is the calendar year a fact belongs to (an indicator's, an
 * anniversary's, a meeting known only by its year). Elsewhere a number is never read as a year.
 */
export const YEAR_PROPERTY = 'year';

interface RelationshipSpec {
  from: readonly EndpointKind[];
  to: readonly EndpointKind[];
  /** Symmetric facts are stored once, in the direction the text states them. */
  symmetric?: true;
  meaning: string;
}

export const RELATIONSHIP_SPECS = {
  PARTICIPATED_IN: {
    from: ['Country', 'Person'],
    to: ['Meeting'],
    meaning: 'took part in the meeting (role: delegation, office)',
  },
  LED_DELEGATION: {
    from: ['Person'],
    to: ['Meeting'],
    meaning: "headed one side's delegation (side: the country)",
  },
  HOSTED: { from: ['Country'], to: ['Meeting'], meaning: 'the meeting took place in this country' },
  HELD_AT: {
    from: ['Meeting'],
    to: ['Venue'],
    meaning: 'the meeting took place in this building (facility: palace, residence, hall)',
  },
  LEADS: { from: ['Person'], to: ['Country'], meaning: 'holds the leading office (office)' },
  STRATEGIC_PARTNER_OF: {
    from: ['Country'],
    to: ['Country'],
    symmetric: true,
    meaning: 'strategic partnership between the two states',
  },
  DIPLOMATIC_RELATIONS_WITH: {
    from: ['Country'],
    to: ['Country'],
    symmetric: true,
    meaning: 'diplomatic relations exist (established: date)',
  },
  PRIORITISES: {
    from: ['Country'],
    to: ['Country'],
    meaning: 'counts its relations with the other country among its policy priorities',
  },
  THANKED: { from: ['Person'], to: ['Country'], meaning: 'expressed gratitude (reason)' },
  PARTNER_OF: {
    from: ['Country'],
    to: ['Country'],
    symmetric: true,
    meaning: 'a partnership the text names by its level, not strategic (level, statedAs)',
  },
  SIGNED: {
    from: ['Person', 'Country'],
    to: ['Agreement'],
    meaning: 'signed or adopted the agreement, statement or documents',
  },
  CONCLUDED_AT: {
    from: ['Agreement'],
    to: ['Meeting'],
    meaning: 'the agreement was signed or adopted at the meeting',
  },
  CONFERRED: { from: ['Country'], to: ['Award'], meaning: 'the state conferred the award' },
  RECEIVED: { from: ['Person'], to: ['Award'], meaning: 'the person received the award' },
  HELD_IN_YEAR_OF: {
    from: ['Meeting'],
    to: ['Anniversary'],
    meaning: 'the meeting fell in the anniversary year',
  },
  CONCERNS: {
    from: ['Agreement', 'Anniversary', 'Indicator', 'Proposal', 'Sphere'],
    to: ['Country'],
    meaning:
      'the agreement, anniversary, figure, proposal or area of cooperation is about this country',
  },
  DISCUSSED: {
    from: ['Meeting'],
    to: ['Sphere'],
    meaning: 'the sphere was discussed (attention, topics)',
  },
  PART_OF: { from: ['Sphere'], to: ['Sphere'], meaning: 'sub-sphere of a broader sphere' },
  LEADING_TRADE_PARTNER_OF: {
    from: ['Country'],
    to: ['Country'],
    meaning: 'holds the leading position in the other country’s foreign trade',
  },
  TRADES_WITH: {
    from: ['Country'],
    to: ['Country'],
    symmetric: true,
    meaning: 'bilateral trade (measure, value, qualifier, unit, year)',
  },
  NOTED: {
    from: ['Meeting'],
    to: ['Indicator'],
    meaning: 'the figure was reported at the meeting',
  },
  IN_SPHERE: {
    from: ['Agreement', 'Indicator', 'Proposal'],
    to: ['Sphere'],
    meaning: 'the figure measures, or the proposal or agreement belongs to, this sphere',
  },
  MEMBER_OF: { from: ['Country'], to: ['Organisation'], meaning: 'member state' },
  BORDERS: {
    from: ['Country'],
    to: ['Country'],
    symmetric: true,
    meaning: 'the countries share a border',
  },
  MISSION_OF: {
    from: ['Organisation'],
    to: ['Country'],
    meaning: 'a diplomatic mission representing the country',
  },
  ADDRESSED: { from: ['Meeting'], to: ['Threat'], meaning: 'the threat was addressed' },
  PROPOSED: {
    from: ['Country', 'Person'],
    to: ['Proposal'],
    meaning: 'made the proposal or request',
  },
  REQUESTED_OF: { from: ['Proposal'], to: ['Country'], meaning: 'the request is made to' },
  PUBLISHED: { from: ['Organisation'], to: ['Document'], meaning: 'publisher of the document' },
  DESCRIBES: { from: ['Document'], to: ['Meeting'], meaning: 'the document reports the meeting' },
  RAISED: {
    from: ['Meeting'],
    to: ['Proposal'],
    meaning: 'the proposal or request was made at the meeting',
  },
  COUNTERS: {
    from: ['Sphere'],
    to: ['Threat'],
    meaning: 'cooperation in the sphere is named as a means against the threat (stance)',
  },
  SERVES: {
    from: ['Sphere'],
    to: ['Sphere'],
    meaning: 'cooperation in the first sphere is named as a means to the second (role)',
  },
  STRENGTHENS: {
    from: ['Sphere'],
    to: ['Organisation'],
    meaning: 'cooperation in the sphere is named as a means to strengthen the body (aspects)',
  },
  STATE_BODY_OF: {
    from: ['Organisation'],
    to: ['Country'],
    meaning: 'a body of the state: its armed forces, a ministry or agency',
  },
  EXPORTS_TO: {
    from: ['Country'],
    to: ['Country'],
    meaning: 'the first country exports to the second (goods)',
  },
  SHARES_POSITIONS_WITH: {
    from: ['Country'],
    to: ['Country'],
    symmetric: true,
    meaning: "the two states' positions are close or coincide (on)",
  },
  REVIEWED: {
    from: ['Meeting'],
    to: ['Organisation'],
    meaning:
      "the sides' cooperation within the organisation was assessed at the meeting (assessment)",
  },
} as const satisfies Record<string, RelationshipSpec>;

export type FactType = keyof typeof RELATIONSHIP_SPECS;
export const FACT_TYPES = Object.keys(RELATIONSHIP_SPECS) as FactType[];

/** Structural relationships between documents, passages and entities (not facts themselves). */
export const HAS_PASSAGE = 'HAS_PASSAGE';
export const MENTIONS = 'MENTIONS';
/** A doubtful match: (new entity)-[:POSSIBLY_SAME_AS {score, method, status}]->(existing one). */
export const REVIEW_TYPE = 'POSSIBLY_SAME_AS';

/**
 * A fact's evidence: index-aligned lists, entry i of each being one supporting quote — its
 * passage, the quote, its offsets in the passage and in the document (model/evidence.ts).
 */
export const EVIDENCE_LISTS = [
  'evidencePassages',
  'evidenceQuotes',
  'evidenceStarts',
  'evidenceEnds',
  'evidenceDocStarts',
  'evidenceDocEnds',
] as const;

/**
 * Property names the loader sets itself; a seed may not set them through `properties`.
 * Relationship evidence lists are index-aligned: entry i of each list is one supporting quote.
 */
export const RESERVED_PROPERTIES = [
  'key',
  'kind',
  'name',
  'aliases',
  'description',
  'searchText',
  'source',
  'basis',
  'backgroundProperties',
  'backgroundBases',
  'seed',
  ...EVIDENCE_LISTS,
] as const;

/** Entity properties whose text joins name, aliases and description in `searchText`. */
export const SEARCHABLE_PROPERTIES = [
  'title',
  'officialName',
  'fullName',
  'acronym',
  'demonym',
] as const;

export const FULLTEXT_INDEX = 'entity_search';
/**
 * The full-text indexes over the sources: passage text, and document titles (a document's whole
 * text is its passages', which answer for it). Searched only when the entity index finds
 * nothing, so entities keep the first places.
 */
export const PASSAGE_FULLTEXT_INDEX = 'passage_search';
export const DOCUMENT_FULLTEXT_INDEX = 'document_search';
export const SOURCE_FULLTEXT_INDEXES = [PASSAGE_FULLTEXT_INDEX, DOCUMENT_FULLTEXT_INDEX] as const;
