/**
 * Bookkeeping properties: what our loaders write for their own use (keys, search text, offsets,
 * hashes, evidence lists, document lists) rather than for a reader. They are tucked away, never
 * deleted: not offered as search match reasons, collapsed in the details panel, left out of the
 * property filters unless asked for, and put last in exports. A property counts as ours only by
 * its name and the shape of its value, so a foreign database's `key` or `start` stays in view.
 */
import type { EncodedValue } from './values.ts';

type Properties = Readonly<Record<string, EncodedValue>>;
type Shape = (value: EncodedValue, properties: Properties) => boolean;

const isText: Shape = (v) => typeof v === 'string';
const isList: Shape = (v) => Array.isArray(v);
const isInteger: Shape = (v) =>
  (typeof v === 'number' && Number.isInteger(v)) ||
  (typeof v === 'object' && v !== null && !Array.isArray(v) && v.$type === 'Integer');
/** Our keys name their kind first: "country:tajikistan", "document:…#3", "a-TYPE->b". */
const isOurKey: Shape = (v) => typeof v === 'string' && /^[a-z][a-z-]*:\S/.test(v);
const isSha256: Shape = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
/** Offsets into a passage, on what quotes it (a mention) or holds its text (a passage). */
const isOffset: Shape = (v, p) =>
  isInteger(v, p) && (typeof p.quote === 'string' || typeof p.text === 'string');
/** Position of a passage in its document: only beside the document's key. */
const isPassageIndex: Shape = (v, p) => isInteger(v, p) && isOurKey(p.documentKey ?? null, p);

const BOOKKEEPING: Readonly<Record<string, Shape>> = {
  key: isOurKey,
  searchText: isText,
  seed: isText,
  sha256: isSha256,
  normalisedTitle: isText,
  sourceFile: isText,
  extractor: isText,
  createdBy: isOurKey,
  documentKey: isOurKey,
  index: isPassageIndex,
  start: isOffset,
  end: isOffset,
  docStart: isInteger,
  docEnd: isInteger,
  evidencePassages: isList,
  evidenceQuotes: isList,
  evidenceStarts: isList,
  evidenceEnds: isList,
  evidenceDocStarts: isList,
  evidenceDocEnds: isList,
  backgroundProperties: isList,
  backgroundBases: isList,
  documents: isList,
  documentConfidences: isList,
  entityKeys: isList,
};

/** Whether a property of an element is bookkeeping (see the module comment). */
export function isInternalProperty(key: string, value: EncodedValue, properties: Properties) {
  const shape = Object.hasOwn(BOOKKEEPING, key) ? BOOKKEEPING[key] : undefined;
  return shape !== undefined && shape(value, properties);
}

/** An element's properties split into what a reader looks at and the bookkeeping. */
export function splitProperties(properties: Properties): {
  shown: [string, EncodedValue][];
  internal: [string, EncodedValue][];
} {
  const shown: [string, EncodedValue][] = [];
  const internal: [string, EncodedValue][] = [];
  for (const entry of Object.entries(properties)) {
    (isInternalProperty(entry[0], entry[1], properties) ? internal : shown).push(entry);
  }
  return { shown, internal };
}

/** Keys that read as a name come first wherever properties are listed. */
const LEADING_KEYS = ['name', 'title'];

/**
 * The property keys of a set of elements in reading order: names first, then what a reader
 * looks at, then bookkeeping (a key that is bookkeeping on every element carrying it); each
 * group alphabetical. Every key is kept.
 */
export function orderPropertyKeys(elements: readonly { properties: Properties }[]): string[] {
  const internal = new Map<string, boolean>();
  for (const { properties } of elements) {
    for (const [key, value] of Object.entries(properties)) {
      const ours = isInternalProperty(key, value, properties);
      internal.set(key, (internal.get(key) ?? true) && ours);
    }
  }
  const rank = (key: string) => {
    const leading = LEADING_KEYS.indexOf(key);
    if (internal.get(key)) return LEADING_KEYS.length + 1;
    return leading >= 0 ? leading : LEADING_KEYS.length;
  };
  return [...internal.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
