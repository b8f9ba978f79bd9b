/** Input checks before anything is written: each bad input has its own error id; good input is normalised. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  IngestError,
  MAX_DOCUMENT_BYTES,
  prepareDocument,
  type DocumentSubmission,
} from '../../server/ingest/index.ts';
import { splitPassages } from '../../server/model/passages.ts';
import { REPO_ROOT } from '../../server/neo4j/constants.ts';

const SEED_TEXT = fs.readFileSync(
  path.join(REPO_ROOT, 'graph-seed', 'source', 'tajikistan-russia-top-level-talks.txt'),
  'utf8',
);
const ENGLISH =
  'The presidents of the two countries held talks in Dushanbe and discussed trade and energy.';

function refusal(submission: DocumentSubmission): IngestError {
  try {
    prepareDocument(submission);
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('prepareDocument', () => {
  it('refuses empty, whitespace-only and word-less texts', () => {
    expect(refusal({ text: '' }).id).toBe('document-empty');
    expect(refusal({ text: ' \n\t\u00a0\u200b ' }).id).toBe('document-empty');
    expect(refusal({ bytes: new Uint8Array() }).id).toBe('document-empty');
    expect(refusal({ text: '123 — 456 !!!' }).id).toBe('document-empty');
  });

  it('refuses binary content and names known formats', () => {
    const pdf = refusal({ bytes: Buffer.from('%PDF-1.7\n...') });
    expect(pdf.id).toBe('document-binary');
    expect(pdf.details).toEqual({ format: 'PDF' });
    expect(refusal({ bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]) }).details).toEqual({
      format: 'ZIP (or DOCX)',
    });
    expect(refusal({ bytes: Buffer.from(`${ENGLISH}\u0000${ENGLISH}`) }).id).toBe(
      'document-binary',
    );
    expect(
      refusal({
        bytes: Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))),
      }).id,
    ).toBe('document-binary');
  });

  it('refuses invalid UTF-8 and says where', () => {
    const bytes = Buffer.concat([
      Buffer.from(ENGLISH),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(ENGLISH),
    ]);
    const error = refusal({ bytes, origin: 'talks.txt' });
    expect(error.id).toBe('document-encoding');
    expect(error.details).toEqual({ offset: ENGLISH.length });
    expect(error.message).toMatch(/^talks\.txt: /);
  });

  it('refuses texts in other languages, long or short', () => {
    expect(
      refusal({
        text: 'Les présidents du Tadjikistan et de la Russie se sont rencontrés à Moscou pour discuter du commerce et de l’énergie.',
      }).details,
    ).toEqual({ detected: 'fra' });
    expect(refusal({ text: 'Президенты встретились в Москве.' }).id).toBe('document-language');
    expect(
      refusal({
        text: 'Rais wa Tajikistan alikutana na Rais wa Urusi mjini Moscow kujadili biashara na nishati.',
      }).id,
    ).toBe('document-language');
    expect(prepareDocument({ text: 'Presidents met in Moscow.' }).language).toBe('en');
    expect(refusal({ text: 'Der Präsident traf heute den Kanzler in Berlin.' }).id).toBe(
      'document-language',
    );
  });

  it('accepts short English lines of names and dates that trigram statistics cannot judge', () => {
    // franc ranks other languages first on each of these; nothing in them is foreign.
    for (const text of [
      'Aliyev met Pashinyan in Brussels on March 14.',
      'Lula hosted Ramaphosa in Brasilia on 2 June.',
      'Orban and Vucic signed accords in Belgrade.',
    ])
      expect(prepareDocument({ text }).language).toBe('en');
  });

  it('refuses documents over the size limit, as bytes or text', () => {
    const big = 'a'.repeat(MAX_DOCUMENT_BYTES + 1);
    expect(refusal({ bytes: Buffer.from(big) }).details).toEqual({
      bytes: MAX_DOCUMENT_BYTES + 1,
      limit: MAX_DOCUMENT_BYTES,
    });
    // Bytes, not characters: 2-byte letters reach the limit at half the length.
    expect(refusal({ text: 'ж'.repeat(MAX_DOCUMENT_BYTES / 2 + 1) }).id).toBe('document-too-large');
  });

  it('refuses invalid metadata', () => {
    const error = refusal({ text: ENGLISH, url: 'not a url', date: '2024-13-01' });
    expect(error.id).toBe('document-metadata');
    expect(error.details.problems).toHaveLength(2);
    expect(refusal({ text: ENGLISH, url: 'ftp://example.org/a' }).id).toBe('document-metadata');
  });

  it('strips HTML to paragraphs, without scripts, and takes its title', () => {
    const doc = prepareDocument({
      text: '<html><head><title>Talks &amp; more</title><style>p{}</style></head><body><p>First &quot;paragraph&quot; about trade between the two countries.</p><script>alert(1)</script><p>Second paragraph on energy and the economy.</p></body></html>',
    });
    expect(doc.format).toBe('html');
    expect(doc.title).toBe('Talks & more');
    expect(doc.text).toBe(
      'First "paragraph" about trade between the two countries.\n\nSecond paragraph on energy and the economy.',
    );
    expect(doc.passages).toHaveLength(2);
  });

  it('reads an archive header (URL line, " date YYYY-MM-DD") as metadata', () => {
    const doc = prepareDocument({ text: `https://example.org/a/b\n date 2019-04-25 ${ENGLISH}` });
    expect(doc).toMatchObject({
      url: 'https://example.org/a/b',
      date: '2019-04-25',
      text: ENGLISH,
    });
    expect(
      prepareDocument({
        text: `https://example.org/x\n${ENGLISH}`,
        url: 'https://example.org/given',
      }).url,
    ).toBe('https://example.org/given');
  });

  it('normalises line endings and a byte-order mark, so the content hash is stable', () => {
    const unix = prepareDocument({ text: `Title of the text here\n\n${ENGLISH}` });
    const windows = prepareDocument({
      bytes: Buffer.from(`\uFEFFTitle of the text here\r\n\r\n${ENGLISH}`),
    });
    expect(windows.text).toBe(unix.text);
    expect(windows.sha256).toBe(unix.sha256);
    expect(unix.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('splits the seed text exactly as the seed loader does, title first', () => {
    const doc = prepareDocument({ text: SEED_TEXT });
    expect(doc.passages).toEqual(splitPassages('', SEED_TEXT));
    expect(doc.title).toBe('Top-level meetings and negotiations between Tajikistan and Russiа');
    expect(doc.normalisedTitle).toBe(
      'Top-level meetings and negotiations between Tajikistan and Russia',
    );
  });

  it('splits one-paragraph-per-line texts and keeps hard-wrapped lines together', () => {
    const doc = prepareDocument({
      text: `A title of some words\nFirst paragraph ends here.\nSecond one starts and goes\non after a wrap.`,
    });
    expect(doc.passages.map((p) => p.text)).toEqual([
      'A title of some words',
      'First paragraph ends here.',
      'Second one starts and goes\non after a wrap.',
    ]);
    for (const p of doc.passages) expect(doc.text.slice(p.start, p.end)).toBe(p.text);
  });
});
