/**
 * What a node is called, by server (discovery texts, search order) and client (canvas, panels)
 * alike. The properties that caption a label are chosen from a sample of its nodes
 * (`chooseCaptionKeys`): text that most nodes carry and that tells them apart, name-like keys first,
 * a given name joined with its surname, never a date or a foreign id when something better exists.
 * Without a rule for a label, the usual naming keys are tried, then the first text property.
 */
import type { GraphNode } from './api.ts';
import type { EncodedValue } from './values.ts';

/** One property of a label as seen on a sample of its nodes. */
export interface PropertyProfile {
  key: string;
  /** Sampled nodes that carry it. */
  present: number;
  /** Distinct values among those. */
  distinct: number;
  /** Values that are strings. */
  texts: number;
  /** Values that are dates: temporal values, or texts in a detected date form. */
  dates: number;
  /** Mean length of the string values. */
  meanLength: number;
}

export interface LabelProfile {
  label: string;
  sampled: number;
  properties: PropertyProfile[];
}

/** Per label, the property keys whose values make its caption, in order (joined by a space). */
export type CaptionRules = Record<string, string[]>;

/** Property keys that name a thing, most telling first (the fallback without a rule). */
export const CAPTION_KEYS = ['name', 'title', 'caption', 'label', 'acronym', 'code'] as const;

const GIVEN_NAME = /^(name|first_?name|given_?name|forename|firstname)$/i;
const SURNAME = /^(surname|last_?name|family_?name|lastname)$/i;
/** Keys that say what a thing is called or is: names, titles, types, registrations. */
const NAMING =
  /(^|_)(name|title|caption|label)$|name$|title$|^(type|kind|category|reg|registration|plate|iata|icao|code|acronym|symbol|username|handle)$/i;
const PREFERRED = /^(name|title|caption|label)$/i;
/** Foreign keys and bare ids identify, but say nothing to a reader. */
const ID_LIKE = /(^|_)id$|Id$|ID$|^uuid$|^key$/;
const PROSE_LENGTH = 80;

/** How well a property captions its label: 0 for none. */
function captionScore(p: PropertyProfile, sampled: number): number {
  if (sampled === 0 || p.texts === 0 || p.texts < p.present * 0.9) return 0;
  if (p.dates >= p.present * 0.5) return 0;
  const coverage = p.present / sampled;
  const distinctness = p.present > 0 ? p.distinct / p.present : 0;
  let score = coverage * 2 + distinctness;
  if (PREFERRED.test(p.key)) score += 3;
  else if (NAMING.test(p.key)) score += 2;
  if (ID_LIKE.test(p.key)) score -= 2;
  if (p.meanLength > PROSE_LENGTH) score -= 2;
  return Math.max(score, 0.01);
}

/**
 * The caption keys for one label: a given name with its surname when both are there, else the
 * best scored text property (see captionScore); empty when no property is text.
 */
export function chooseCaptionKeys(profile: LabelProfile): string[] {
  const usable = profile.properties.filter((p) => captionScore(p, profile.sampled) > 0);
  const given = usable.find((p) => GIVEN_NAME.test(p.key));
  const surname = usable.find((p) => SURNAME.test(p.key));
  if (given && surname) return [given.key, surname.key];
  const ranked = [...usable].sort(
    (a, b) =>
      captionScore(b, profile.sampled) - captionScore(a, profile.sampled) ||
      (a.key < b.key ? -1 : 1),
  );
  return ranked[0] ? [ranked[0].key] : [];
}

/** Rules for every profiled label; labels without a usable property get none. */
export function captionRules(profiles: readonly LabelProfile[]): CaptionRules {
  const rules: CaptionRules = {};
  for (const profile of profiles) {
    const keys = chooseCaptionKeys(profile);
    if (keys.length > 0) rules[profile.label] = keys;
  }
  return rules;
}

type Captioned = Pick<GraphNode, 'labels' | 'properties' | 'id'>;

function asText(value: EncodedValue | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The caption by a rule: the values of its keys the node has, joined; null if it has none. */
function byRule(node: Captioned, rules: CaptionRules): string | null {
  for (const label of node.labels) {
    const keys = rules[label];
    if (!keys) continue;
    const parts = keys.map((k) => asText(node.properties[k])).filter((t) => t !== undefined);
    if (parts.length > 0) return parts.join(' ');
  }
  return null;
}

/** The node's caption, unshortened: by its labels' rules, else the usual keys, else its label. */
export function captionOf(node: Captioned, rules: CaptionRules = {}): string {
  const ruled = byRule(node, rules);
  if (ruled) return ruled;
  const props = node.properties;
  for (const key of CAPTION_KEYS) {
    const text = asText(props[key]);
    if (text) return text;
  }
  // Past the naming keys only text names a thing; a number such as a year would mislead.
  for (const key of Object.keys(props).sort()) {
    const value = props[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return `${node.labels[0] ?? 'Node'} ${shortId(node.id)}`;
}

/** The distinctive tail of an element id ("4:…:12" → "#12"). */
export function shortId(id: string): string {
  const tail = id.split(':').pop() ?? id;
  return `#${tail}`;
}

/** Orders by caption, then id: equal-scored answers read alphabetically, the same every time. */
export function compareByCaption(a: Captioned, b: Captioned, rules: CaptionRules = {}): number {
  const ca = captionOf(a, rules).toLowerCase();
  const cb = captionOf(b, rules).toLowerCase();
  if (ca !== cb) return ca < cb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
