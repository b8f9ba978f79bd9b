/**
 * From submitted bytes or text to a document ready for extraction, or a specific IngestError:
 * size, binary content, encoding, HTML, emptiness and language are checked in that order, before
 * anything touches the database. Archive headers (a URL line, a " date YYYY-MM-DD" prefix) become
 * metadata; line endings are normalised; the text is otherwise kept exactly as given.
 */
import { createHash } from 'node:crypto';
import { IngestError } from './errors.ts';
import { foldForMatching } from './text/fold.ts';
import { htmlToText, looksLikeHtml } from './text/html.ts';
import { detectLanguage } from './text/language.ts';
import { DATELINE, splitIntoPassages, type Passage } from './text/passages.ts';

/** Largest accepted document, in bytes of UTF-8: a hundred times a typical press release. */
export const MAX_DOCUMENT_BYTES = 200_000;

export interface DocumentSubmission {
  /** Raw bytes (a file, a text/plain or text/html body); decoded as strict UTF-8. */
  bytes?: Uint8Array;
  /** Already-decoded text (a JSON body). */
  text?: string;
  /** "html" forces HTML stripping; otherwise HTML is recognised by its markup. */
  format?: 'text' | 'html';
  title?: string | undefined;
  url?: string | undefined;
  /** Publication date, YYYY-MM-DD. */
  date?: string | undefined;
  publisher?: string | undefined;
  /** Key of a stored document this one is a new version of (when the URL does not say so). */
  replaces?: string | undefined;
  /** Where it came from, for messages (a file path). */
  origin?: string | undefined;
}

export interface PreparedDocument {
  text: string;
  title: string;
  /** The title with look-alike letters folded (how documents are matched by title). */
  normalisedTitle: string;
  url: string | undefined;
  date: string | undefined;
  publisher: string | undefined;
  /** Key of the stored document this is a new version of, when given explicitly. */
  replaces: string | undefined;
  format: 'text' | 'html';
  language: 'en';
  sha256: string;
  /** Passages with an empty document key; the writer assigns the key. */
  passages: Passage[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const MAGIC: [string, number[]][] = [
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP (or DOCX)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip', [0x1f, 0x8b]],
];
const URL_LINE = /^\s*(https?:\/\/\S+)\s*\n/;
const DATE_PREFIX = /^\s*date (\d{4}-\d{2}-\d{2})\b[ \t]*/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function describe(origin: string | undefined): string {
  return origin ? `${origin}: ` : '';
}

function checkBinary(bytes: Uint8Array, origin: string | undefined): void {
  for (const [format, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) {
      throw new IngestError(
        'document-binary',
        `${describe(origin)}this is a ${format} file, not text; submit the document's text (plain text or HTML)`,
        { format },
      );
    }
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) {
      throw new IngestError(
        'document-binary',
        `${describe(origin)}the content contains NUL bytes: it is binary, not text`,
      );
    }
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control += 1;
  }
  if (sample.length > 0 && control / sample.length > 0.02) {
    throw new IngestError(
      'document-binary',
      `${describe(origin)}${control} control characters in the first ${sample.length} bytes: the content is binary, not text`,
    );
  }
}

function decode(bytes: Uint8Array, origin: string | undefined): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    // Name the first byte of the bad sequence, so the sender can find it: feed the bytes one by
    // one to a streaming decoder, then step back over the sequence's lead and continuation bytes.
    const stream = new TextDecoder('utf-8', { fatal: true });
    let failed = bytes.length;
    for (let i = 0; i < bytes.length; i++) {
      try {
        stream.decode(bytes.subarray(i, i + 1), { stream: true });
      } catch {
        failed = i;
        break;
      }
    }
    let offset = failed;
    while (offset > 0 && ((bytes[offset - 1] ?? 0) & 0xc0) === 0x80 && failed - offset < 3)
      offset -= 1;
    if (offset > 0 && (bytes[offset - 1] ?? 0) >= 0xc0) offset -= 1;
    throw new IngestError(
      'document-encoding',
      `${describe(origin)}not valid UTF-8 (first invalid byte at offset ${offset}); convert the text to UTF-8`,
      { offset },
    );
  }
}

function checkMetadata(submission: DocumentSubmission): void {
  const problems: string[] = [];
  if (submission.url !== undefined) {
    try {
      const url = new URL(submission.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:')
        problems.push('url must be http(s)');
    } catch {
      problems.push(`url "${submission.url}" is not a valid URL`);
    }
  }
  if (submission.date !== undefined) {
    const valid =
      ISO_DATE.test(submission.date) && !Number.isNaN(Date.parse(`${submission.date}T00:00:00Z`));
    if (!valid) problems.push(`date "${submission.date}" must be a calendar date YYYY-MM-DD`);
  }
  if (submission.title !== undefined && submission.title.trim().length === 0) {
    problems.push('title must not be empty when given');
  }
  if (submission.replaces !== undefined && !/^document:[\w-]+$/.test(submission.replaces)) {
    problems.push(`replaces "${submission.replaces}" must be a document key (document:…)`);
  }
  if (submission.title !== undefined && submission.title.length > 500) {
    problems.push('title must be at most 500 characters');
  }
  if (problems.length > 0) {
    throw new IngestError(
      'document-metadata',
      `${describe(submission.origin)}${problems.join('; ')}`,
      {
        problems,
      },
    );
  }
}

/** First title-like passage, else the first sentence of the text, shortened. */
function deriveTitle(passages: Passage[]): string {
  const title = passages.find((p) => p.kind === 'title');
  if (title) return title.text.trim();
  // Bylines and datelines ("Our Correspondent", "Beijing") are too short to stand for the text.
  const first =
    (passages.find((p) => p.text.trim().split(/\s+/).length >= 6) ?? passages[0])?.text.trim() ??
    '';
  // A leading dateline ("ASTANA, May 3 –") is where and when, not what: the title starts after it.
  const dateline = DATELINE.exec(first);
  if (dateline) {
    const rest = first
      .slice(dateline[0].length)
      .replace(/^[\s.,:;–—-]+(?:\([^)]*\)[\s.,:;–—-]*)?/u, '');
    if (/\p{L}/u.test(rest)) return sentenceTitle(rest);
  }
  return sentenceTitle(first);
}

function sentenceTitle(first: string): string {
  const sentence = /^.*?[.!?](?=\s|$)/.exec(first)?.[0] ?? first;
  return sentence.length > 160 ? `${sentence.slice(0, 157).trimEnd()}…` : sentence;
}

/** Validates and normalises a submission; throws IngestError naming the first problem found. */
export function prepareDocument(submission: DocumentSubmission): PreparedDocument {
  const origin = submission.origin;
  let text: string;
  if (submission.bytes !== undefined) {
    if (submission.bytes.length > MAX_DOCUMENT_BYTES) {
      throw new IngestError(
        'document-too-large',
        `${describe(origin)}${submission.bytes.length} bytes is over the limit of ${MAX_DOCUMENT_BYTES} bytes`,
        { bytes: submission.bytes.length, limit: MAX_DOCUMENT_BYTES },
      );
    }
    checkBinary(submission.bytes, origin);
    text = decode(submission.bytes, origin);
  } else {
    text = submission.text ?? '';
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_DOCUMENT_BYTES) {
      throw new IngestError(
        'document-too-large',
        `${describe(origin)}${bytes} bytes is over the limit of ${MAX_DOCUMENT_BYTES} bytes`,
        { bytes, limit: MAX_DOCUMENT_BYTES },
      );
    }
    if (text.includes('\u0000')) {
      throw new IngestError(
        'document-binary',
        `${describe(origin)}the text contains NUL characters`,
      );
    }
  }
  checkMetadata(submission);

  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let format: 'text' | 'html' = 'text';
  let htmlTitle: string | undefined;
  if (submission.format === 'html' || looksLikeHtml(text)) {
    const converted = htmlToText(text);
    text = converted.text;
    htmlTitle = converted.title;
    format = 'html';
  }

  let url = submission.url;
  let date = submission.date;
  const urlLine = URL_LINE.exec(text);
  if (urlLine) {
    url ??= urlLine[1];
    text = text.slice(urlLine[0].length);
  }
  const datePrefix = DATE_PREFIX.exec(text);
  if (datePrefix) {
    date ??= datePrefix[1];
    text = text.slice(datePrefix[0].length);
  }
  // Only a stripped header leaves blank lines at the start; the text is otherwise kept byte for
  // byte, so the same file always has the same content hash.
  if (urlLine || datePrefix) text = text.replace(/^\s*\n/, '');

  if (text.replace(/[\s\u200b-\u200d\u2060\ufeff]/g, '') === '') {
    throw new IngestError(
      'document-empty',
      `${describe(origin)}the document is empty or only whitespace`,
    );
  }
  if (!/\p{L}/u.test(text)) {
    throw new IngestError('document-empty', `${describe(origin)}the document contains no words`);
  }
  const language = detectLanguage(text);
  if (!language.english) {
    throw new IngestError(
      'document-language',
      `${describe(origin)}the document is not in English (detected: ${language.detected}); only English texts can be ingested`,
      { detected: language.detected },
    );
  }

  const passages = splitIntoPassages('', text);
  const title = (submission.title ?? htmlTitle ?? deriveTitle(passages)).trim();
  return {
    text,
    title,
    normalisedTitle: foldForMatching(title).replace(/\s+/g, ' '),
    url,
    date,
    publisher: submission.publisher?.trim() || undefined,
    replaces: submission.replaces,
    format,
    language: 'en',
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    passages,
  };
}
