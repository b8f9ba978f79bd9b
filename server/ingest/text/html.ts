/** HTML documents become plain text (paragraphs as blank-line-separated blocks) before ingestion. */
import { convert } from 'html-to-text';

const HTML_START = /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const BLOCK_TAGS = /<(?:p|div|br|h[1-6]|article|section|li|table)[\s/>]/gi;

/** True for a full HTML page or a fragment made of several block elements. */
export function looksLikeHtml(text: string): boolean {
  if (HTML_START.test(text)) return true;
  return (text.slice(0, 20_000).match(BLOCK_TAGS)?.length ?? 0) >= 2;
}

export interface HtmlText {
  text: string;
  title: string | undefined;
}

/** Text content of the body, one block per paragraph; scripts, styles, images and links' targets dropped. */
export function htmlToText(html: string): HtmlText {
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim();
  const text = convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'head', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
  return {
    text: text.replace(/\n{3,}/g, '\n\n').trim(),
    title: title ? decodeEntities(title) : undefined,
  };
}

function decodeEntities(text: string): string {
  return convert(text, { wordwrap: false }).trim();
}
