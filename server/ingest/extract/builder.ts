/**
 * Collects entities and facts while the rules run: one entity per id (aliases and properties
 * merged), one fact per (type, from, to) — symmetric types in either direction — with every
 * supporting quote kept once. A text fact without a quote is refused here, whatever rule made it.
 */
import { RELATIONSHIP_SPECS, type EntityKind, type FactType } from '../../model/ontology.ts';
import type { PropertyValue } from '../../model/values.ts';
import type { Background, ExtractedEntity, ExtractedFact, Span } from './types.ts';

export class ExtractionBuilder {
  private readonly entities = new Map<string, ExtractedEntity>();
  private readonly facts = new Map<string, ExtractedFact>();

  entity(
    id: string,
    kind: EntityKind,
    name: string,
    options: {
      aliases?: string[];
      properties?: Record<string, PropertyValue>;
      background?: Background[];
      confidence?: number;
    } = {},
  ): ExtractedEntity {
    let entity = this.entities.get(id);
    if (!entity) {
      entity = {
        id,
        kind,
        name,
        aliases: [],
        properties: {},
        background: [],
        mentions: [],
        confidence: options.confidence ?? 0.9,
      };
      this.entities.set(id, entity);
    }
    for (const alias of options.aliases ?? []) this.alias(id, alias);
    Object.assign(entity.properties, options.properties ?? {});
    entity.background.push(...(options.background ?? []));
    return entity;
  }

  remove(id: string): void {
    this.entities.delete(id);
  }

  has(id: string): boolean {
    return this.entities.has(id);
  }

  get(id: string): ExtractedEntity | undefined {
    return this.entities.get(id);
  }

  alias(id: string, alias: string): void {
    const entity = this.entities.get(id);
    const clean = alias.replace(/\s+/g, ' ').trim();
    if (!entity || !clean) return;
    const lower = clean.toLowerCase();
    if (
      entity.name.toLowerCase() === lower ||
      entity.aliases.some((a) => a.toLowerCase() === lower)
    )
      return;
    entity.aliases.push(clean);
  }

  mention(id: string, span: Span): void {
    const entity = this.entities.get(id);
    if (!entity) return;
    if (
      !entity.mentions.some(
        (m) => m.passage === span.passage && m.start === span.start && m.end === span.end,
      )
    ) {
      entity.mentions.push(span);
    }
  }

  fact(
    type: FactType,
    from: string,
    to: string,
    evidence: Span[],
    confidence: number,
    properties: Record<string, PropertyValue> = {},
  ): void {
    // A text fact is only as good as its quote: without one it is not stated, so not kept.
    if (from === to || evidence.length === 0) return;
    const symmetric = 'symmetric' in RELATIONSHIP_SPECS[type];
    const key = `${from}|${type}|${to}`;
    const existing =
      this.facts.get(key) ?? (symmetric ? this.facts.get(`${to}|${type}|${from}`) : undefined);
    if (existing) {
      for (const e of evidence) {
        if (
          !existing.evidence.some(
            (x) => x.passage === e.passage && x.start === e.start && x.end === e.end,
          )
        )
          existing.evidence.push(e);
      }
      existing.confidence = Math.max(existing.confidence, confidence);
      for (const [k, v] of Object.entries(properties))
        if (!(k in existing.properties)) existing.properties[k] = v;
      return;
    }
    this.facts.set(key, {
      type,
      from,
      to,
      properties: { ...properties },
      evidence: [...evidence],
      confidence,
      source: 'text',
    });
  }

  backgroundFact(
    type: FactType,
    from: string,
    to: string,
    basis: string,
    properties: Record<string, PropertyValue> = {},
  ): void {
    this.facts.set(`${from}|${type}|${to}`, {
      type,
      from,
      to,
      properties,
      evidence: [],
      confidence: 1,
      source: 'background',
      basis,
    });
  }

  build(extractor: string): {
    extractor: string;
    entities: ExtractedEntity[];
    facts: ExtractedFact[];
  } {
    const entities = [...this.entities.values()];
    const known = new Set(entities.map((e) => e.id));
    // A fact whose end was never made an entity (a rule's guess without a mention) is dropped.
    const facts = [...this.facts.values()].filter(
      (f) =>
        (known.has(f.from) || f.from.startsWith('$')) && (known.has(f.to) || f.to.startsWith('$')),
    );
    for (const e of entities) e.mentions.sort((a, b) => a.passage - b.passage || a.start - b.start);
    return { extractor, entities, facts };
  }
}
