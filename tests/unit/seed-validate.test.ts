/**
 * The seed validator on literal fixtures: one small valid seed, then one mutation per rule, each
 * checked for the exact JSON path and a message naming the problem. No database involved.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quoteIdentifier } from '../../server/db/identifier.ts';
import { SeedValidationError, type SeedViolation } from '../../server/seed/errors.ts';
import { readSeedFile } from '../../server/seed/file.ts';
import { ENTITY_KINDS } from '../../server/model/ontology.ts';
import { SCHEMA_STATEMENTS } from '../../server/model/schema.ts';
import { MERGE_ENTITIES, MERGE_FACTS } from '../../server/seed/queries.ts';
import { validateSeed, type SourceRead } from '../../server/seed/validate.ts';

const FILE = 'fixture/seed.json';
// Title block, then one paragraph. The offsets in the fixture are counted by hand (Tajikistan
// 14–24 and Russia 29–35 in the title; Emomali Rahmon 10–24 and Russia 42–48 in the paragraph);
// the first test proves them right.
const TITLE = 'Talks between Tajikistan and Russia';
const PARAGRAPH = 'President Emomali Rahmon met officials of Russia.';
const TEXT = `${TITLE}\n\n${PARAGRAPH}\n`;
const P0 = 'document:talks#0';
const P1 = 'document:talks#1';

function validFixture() {
  return {
    name: 'fixture',
    documents: [
      {
        key: 'document:talks',
        file: 'talks.txt',
        title: TITLE,
        normalisedTitle: TITLE,
        url: 'http://example.org/talks',
        publisher: 'Example publisher',
        language: 'en',
        excerpt: 'the whole text',
        paragraphs: 1,
      },
    ],
    entities: [
      {
        key: 'country:tajikistan',
        kind: 'Country',
        name: 'Tajikistan',
        aliases: ['Republic of Tajikistan'],
        properties: { officialName: 'Republic of Tajikistan' },
        source: 'text',
        mentions: [{ passage: P0, start: 14, end: 24, quote: 'Tajikistan' }],
        background: [{ properties: { iso2: 'TJ' }, basis: 'ISO 3166-1' }],
      },
      {
        key: 'country:russia',
        kind: 'Country',
        name: 'Russia',
        properties: { officialName: 'Russian Federation' },
        source: 'text',
        mentions: [
          { passage: P0, start: 29, end: 35, quote: 'Russia' },
          { passage: P1, start: 42, end: 48, quote: 'Russia' },
        ],
      },
      {
        key: 'person:emomali-rahmon',
        kind: 'Person',
        name: 'Emomali Rahmon',
        properties: { title: 'President' },
        source: 'text',
        mentions: [{ passage: P1, start: 10, end: 24, quote: 'Emomali Rahmon' }],
      },
      {
        key: 'organisation:sco',
        kind: 'Organisation',
        name: 'Shanghai Cooperation Organisation',
        properties: { acronym: 'SCO' },
        source: 'background',
        basis: 'general reference',
      },
    ],
    relationships: [
      {
        type: 'STRATEGIC_PARTNER_OF',
        from: 'country:tajikistan',
        to: 'country:russia',
        source: 'text',
        evidence: [{ passage: P0, start: 14, end: 35, quote: 'Tajikistan and Russia' }],
      },
      {
        type: 'LEADS',
        from: 'person:emomali-rahmon',
        to: 'country:tajikistan',
        properties: { office: 'President' },
        source: 'text',
        evidence: [{ passage: P1, start: 0, end: 24, quote: 'President Emomali Rahmon' }],
      },
      {
        type: 'MEMBER_OF',
        from: 'country:russia',
        to: 'organisation:sco',
        source: 'background',
        basis: 'general reference: SCO member states',
      },
    ],
  };
}

type Fixture = ReturnType<typeof validFixture>;
/** A fixture with loosely typed parts, so tests can break it in any way. */
type Loose = Record<string, unknown> & {
  documents: Record<string, unknown>[];
  entities: Record<string, unknown>[];
  relationships: Record<string, unknown>[];
};

function readFixtureSource(files: Record<string, string>) {
  return (relative: string): SourceRead =>
    relative in files ? { text: files[relative] as string } : { problem: 'no such file' };
}

function violationsOf(
  mutate: (seed: Loose) => void,
  files: Record<string, string> = { 'talks.txt': TEXT },
): SeedViolation[] {
  const seed = structuredClone(validFixture()) as Fixture & Loose;
  mutate(seed);
  const outcome = validateSeed(seed, { file: FILE, readSource: readFixtureSource(files) });
  if (outcome.ok) throw new Error('expected the fixture to be invalid');
  return outcome.violations;
}

const violation = (path: string, problem: string) => ({
  file: FILE,
  path,
  problem: expect.stringContaining(problem),
});

describe('seed validator', () => {
  it('accepts the valid fixture and splits its document into title and paragraphs', () => {
    const outcome = validateSeed(validFixture(), {
      file: FILE,
      readSource: readFixtureSource({ 'talks.txt': TEXT }),
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.seed.documents[0]?.passages.map((p) => [p.kind, p.text, p.start])).toEqual([
      ['title', TITLE, 0],
      ['paragraph', PARAGRAPH, TITLE.length + 2],
    ]);
  });

  it('reports a relationship to an unknown node key, suggesting the near miss', () => {
    const found = violationsOf((s) => {
      s.relationships[0]!.to = 'country:rusia';
    });
    expect(found).toEqual([
      violation(
        '$.relationships[0].to',
        'unknown node key "country:rusia" (did you mean "country:russia"?)',
      ),
    ]);
  });

  it('reports a quote that is not at its offsets, and where it does occur', () => {
    const found = violationsOf((s) => {
      Object.assign((s.entities[0]!.mentions as object[])[0]!, { start: 15, end: 25 });
    });
    expect(found).toEqual([
      violation(
        '$.entities[0].mentions[0].quote',
        'quote not found at 15–25 of passage "document:talks#0" (the text there is "ajikistan ")',
      ),
    ]);
    expect(found[0]?.problem).toContain('the quote occurs at start 14, end 24');
  });

  it('reports offsets beyond the passage, reversed offsets and unknown passages', () => {
    const found = violationsOf((s) => {
      const evidence = s.relationships[1]!.evidence as Record<string, unknown>[];
      evidence[0] = { passage: P1, start: 40, end: 60, quote: 'x' };
      evidence.push({ passage: P1, start: 5, end: 5, quote: 'x' });
      evidence.push({ passage: 'document:talks#9', start: 0, end: 1, quote: 'x' });
    });
    expect(found).toEqual([
      violation('$.relationships[1].evidence[0].end', 'end 60 is beyond the end of passage'),
      violation('$.relationships[1].evidence[1].end', 'end 5 must be greater than start 5'),
      violation('$.relationships[1].evidence[2].passage', 'unknown passage "document:talks#9"'),
    ]);
  });

  it('reports duplicate keys and duplicate facts', () => {
    const found = violationsOf((s) => {
      s.entities.push({ ...s.entities[1]! });
      s.relationships.push({ ...s.relationships[0]! });
    });
    expect(found).toEqual([
      violation('$.entities[4].key', 'duplicate key "country:russia"'),
      violation('$.relationships[3]', 'duplicate of $.relationships[0]'),
    ]);
  });

  it('reports an unknown kind and an unknown relationship type', () => {
    const found = violationsOf((s) => {
      s.entities[2]!.kind = 'Leader';
      s.relationships[0]!.type = 'ALLIED_WITH';
    });
    expect(found).toEqual([
      violation('$.entities[2].kind', 'unknown kind; expected one of Country, Person'),
      violation('$.relationships[0].type', 'unknown relationship type; expected one of'),
    ]);
  });

  it('does not report references to an entity whose only fault is its kind', () => {
    const found = violationsOf((s) => {
      s.entities[2]!.kind = 'Leader';
    });
    expect(found.map((v) => v.path)).toEqual(['$.entities[2].kind']);
  });

  it('reports a text fact without evidence and a text entity without mentions', () => {
    const found = violationsOf((s) => {
      s.relationships[1]!.evidence = [];
      s.entities[2]!.mentions = [];
    });
    expect(found).toEqual([
      violation('$.entities[2].mentions', 'a fact with source "text" needs at least one quote'),
      violation(
        '$.relationships[1].evidence',
        'a fact with source "text" needs at least one quote',
      ),
      // Relationship 1 was the only fact resting on the paragraph.
      violation('$.documents[0]', 'passage "document:talks#1" (Paragraph 1) is not cited'),
    ]);
  });

  it('reports a background fact without basis, or with quotes, and a text fact with a basis', () => {
    const found = violationsOf((s) => {
      delete s.relationships[2]!.basis;
      s.entities[3]!.mentions = [{ passage: P0, start: 0, end: 5, quote: 'Talks' }];
      s.relationships[0]!.basis = 'my memory';
    });
    expect(found).toEqual([
      violation('$.entities[3].mentions', 'a background fact has no quotes'),
      violation('$.relationships[0].basis', 'only a background fact has a basis'),
      violation('$.relationships[2].basis', 'needs a basis'),
    ]);
  });

  it('reports an end the ontology does not allow for the relationship type', () => {
    const found = violationsOf((s) => {
      s.relationships[1]!.from = 'country:russia';
    });
    expect(found).toEqual([
      violation(
        '$.relationships[1].from',
        'LEADS cannot start at "country:russia" of kind Country; the ontology allows Person',
      ),
    ]);
  });

  it('reports keys that do not match their kind, reserved and repeated property names', () => {
    const found = violationsOf((s) => {
      s.entities[1]!.key = 'nation:russia';
      s.relationships[0]!.from = 'country:tajikistan';
      s.relationships[2]!.from = 'nation:russia';
      s.entities[0]!.properties = { officialName: 'Republic of Tajikistan', searchText: 'x' };
      s.entities[0]!.background = [{ properties: { officialName: 'x' }, basis: 'b' }];
    });
    expect(found).toEqual([
      violation('$.entities[0].properties.searchText', '"searchText" is set by the loader'),
      violation(
        '$.entities[0].background[0].properties.officialName',
        'property "officialName" is given more than once',
      ),
      violation('$.entities[1].key', 'key "nation:russia" must start with "country:"'),
      violation('$.relationships[0].to', 'unknown node key "country:russia"'),
    ]);
  });

  it('reports a missing required property and an alias that repeats the name', () => {
    const found = violationsOf((s) => {
      s.entities[1]!.properties = {};
      s.entities[1]!.aliases = ['russia'];
    });
    expect(found).toEqual([
      violation('$.entities[1].properties', 'kind Country requires the property "officialName"'),
      violation('$.entities[1].aliases[0]', 'alias "russia" repeats the name'),
    ]);
  });

  it('reports a passage that supports no fact', () => {
    const found = violationsOf((s) => {
      s.relationships.splice(1, 1);
    });
    expect(found).toEqual([
      violation('$.documents[0]', 'passage "document:talks#1" (Paragraph 1) is not cited'),
    ]);
  });

  it('checks the document against its source file', () => {
    expect(violationsOf(() => {}, {})).toEqual([
      violation('$.documents[0].file', 'cannot read "talks.txt": no such file'),
    ]);
    const found = violationsOf(
      (s) => {
        s.documents[0]!.paragraphs = 2;
      },
      { 'talks.txt': TEXT.replace('Russia\n', 'Russiа\n') },
    );
    expect(found).toEqual([
      violation('$.documents[0].title', 'must equal the first block of "talks.txt" exactly'),
      violation('$.documents[0].paragraphs', 'says 2 but "talks.txt" has 1 paragraphs'),
      // The title no longer matches, so the quote of "Russia" in it fails too.
      violation('$.entities[1].mentions[0].quote', 'the quote does not occur in this passage'),
      violation('$.relationships[0].evidence[0].quote', 'quote not found at 14–35'),
    ]);
  });

  it('reports misspelt fields and wrong value types with their paths', () => {
    const found = violationsOf((s) => {
      s.entities[0]!.alias = ['Tajik'];
      s.entities[1]!.properties = { officialName: 'Russian Federation', founded: { year: 862 } };
      s.relationships[0]!.evidence = [{ passage: P0, start: -1, end: 35, quote: 'x' }];
    });
    expect(found.map((v) => v.path)).toEqual([
      '$.entities[0]',
      '$.entities[1].properties.founded',
      '$.relationships[0].evidence[0].start',
    ]);
    expect(found[0]?.problem).toContain('alias');
  });

  it('reports every violation of a badly broken seed at once', () => {
    const found = violationsOf((s) => {
      s.entities[0]!.kind = 'Nation';
      s.entities[2]!.mentions = [{ passage: P1, start: 0, end: 7, quote: 'Premier' }];
      s.relationships[0]!.to = 'country:nowhere';
      delete s.relationships[2]!.basis;
      s.documents[0]!.url = 'not a url';
    });
    expect(found.map((v) => v.path)).toEqual([
      '$.documents[0].url',
      '$.entities[0].kind',
      '$.entities[2].mentions[0].quote',
      '$.relationships[0].to',
      '$.relationships[2].basis',
    ]);
  });

  it('rejects a file that is not a seed at all', () => {
    const outcome = validateSeed([1, 2], { file: FILE, readSource: readFixtureSource({}) });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.violations[0]).toEqual(violation('$', 'expected object'));
  });
});

describe('seed file reading', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-validate-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const errorsOf = (file: string): SeedViolation[] => {
    try {
      readSeedFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(SeedValidationError);
      return (error as SeedValidationError).violations;
    }
    throw new Error('expected the seed file to be rejected');
  };

  it('names the line and column of a JSON syntax error', () => {
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, '{\n  "name": "x"\n  "documents": []\n}\n');
    const [only] = errorsOf(file);
    expect(only?.path).toBe('$');
    expect(only?.problem).toMatch(/^not valid JSON at line 3, column 3: /);
  });

  it('reports a missing seed file and a source that is not UTF-8', () => {
    expect(errorsOf(path.join(dir, 'absent.json'))[0]?.problem).toBe('no such file');
    fs.writeFileSync(path.join(dir, 'talks.txt'), Buffer.from([0x54, 0xff, 0xfe, 0x0a]));
    fs.writeFileSync(path.join(dir, 'seed.json'), JSON.stringify(validFixture()));
    const found = errorsOf(path.join(dir, 'seed.json'));
    expect(found[0]).toMatchObject({
      path: '$.documents[0].file',
      problem: 'cannot read "talks.txt": not valid UTF-8',
    });
  });

  it('accepts the fixture from disk and the project seed', () => {
    fs.writeFileSync(path.join(dir, 'talks.txt'), TEXT);
    expect(readSeedFile(path.join(dir, 'seed.json')).name).toBe('fixture');
    expect(readSeedFile().name).toBe('tajikistan-russia-top-level-talks');
  });
});

describe('seed query texts', () => {
  it('quotes fixed names through one helper, escaping backticks', () => {
    expect(quoteIdentifier('Country')).toBe('`Country`');
    expect(quoteIdentifier('a`b) DETACH DELETE (x')).toBe('`a``b) DETACH DELETE (x`');
    expect(() => quoteIdentifier('')).toThrow(TypeError);
  });

  it('creates one unique key per kind plus Entity, Document, Passage, and the full-text indexes', () => {
    const names = SCHEMA_STATEMENTS.map((s) => s.name);
    expect(names).toEqual([
      'entity_key',
      ...ENTITY_KINDS.map((k) => `${k.toLowerCase()}_key`),
      'document_key',
      'passage_key',
      'entity_search',
      'passage_search',
      'document_search',
    ]);
    for (const { name, statement } of SCHEMA_STATEMENTS) {
      expect(statement).toContain(`\`${name}\` IF NOT EXISTS`);
    }
  });

  it('takes kind labels and fact types only from validated rows, never from query text', () => {
    expect(MERGE_ENTITIES).toContain('SET n:$(row.kind)');
    expect(MERGE_FACTS).toContain('MERGE (a)-[r:$(row.type) {key: row.key}]->(b)');
    for (const query of [MERGE_ENTITIES, MERGE_FACTS]) {
      expect(query.replaceAll('$(row.', '')).not.toMatch(/\$\(/);
    }
  });
});
