/**
 * The scene's data in exchange formats: JSON (the API's own shapes), GraphML (for Gephi, yEd,
 * NetworkX) and CSV (one file of nodes, one of relationships). Values keep their encoding in
 * JSON; GraphML and CSV carry display text, with lists and maps as JSON. Columns keep every
 * property, names first and bookkeeping (keys, offsets, evidence lists) last.
 */
import type { GraphData } from '../../../common/api.ts';
import { orderPropertyKeys } from '../../../common/internal.ts';
import type { EncodedValue } from '../../../common/values.ts';
import { displayValue } from '../values/format.ts';

export function toJson(data: GraphData): string {
  return `${JSON.stringify({ nodes: data.nodes, relationships: data.relationships }, null, 2)}\n`;
}

function cellText(value: EncodedValue): string {
  if (typeof value === 'string') return value;
  return displayValue(value);
}

/** RFC 4180 quoting: quote when needed, double inner quotes. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRows(header: string[], rows: string[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function nodesCsv(data: GraphData): string {
  const keys = orderPropertyKeys(data.nodes);
  return csvRows(
    ['id', 'labels', ...keys],
    data.nodes.map((n) => [
      n.id,
      n.labels.join(';'),
      ...keys.map((k) => (k in n.properties ? cellText(n.properties[k] as EncodedValue) : '')),
    ]),
  );
}

export function relationshipsCsv(data: GraphData): string {
  const keys = orderPropertyKeys(data.relationships);
  return csvRows(
    ['id', 'type', 'start', 'end', ...keys],
    data.relationships.map((r) => [
      r.id,
      r.type,
      r.start,
      r.end,
      ...keys.map((k) => (k in r.properties ? cellText(r.properties[k] as EncodedValue) : '')),
    ]),
  );
}

export function xmlEscape(text: string): string {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
  // XML 1.0 cannot carry most control characters at all, not even escaped.
  let out = '';
  for (const char of escaped) {
    const code = char.charCodeAt(0);
    out += code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d ? '\ufffd' : char;
  }
  return out;
}

/** GraphML with one string key per property name (prefixed by element kind) plus labels/type. */
export function toGraphML(data: GraphData): string {
  const nodeKeys = orderPropertyKeys(data.nodes);
  const edgeKeys = orderPropertyKeys(data.relationships);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="labels" for="node" attr.name="labels" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    ...nodeKeys.map(
      (k, i) => `  <key id="n${i}" for="node" attr.name="${xmlEscape(k)}" attr.type="string"/>`,
    ),
    ...edgeKeys.map(
      (k, i) => `  <key id="e${i}" for="edge" attr.name="${xmlEscape(k)}" attr.type="string"/>`,
    ),
    '  <graph edgedefault="directed">',
  ];
  for (const node of data.nodes) {
    lines.push(`    <node id="${xmlEscape(node.id)}">`);
    lines.push(`      <data key="labels">${xmlEscape(node.labels.join(';'))}</data>`);
    nodeKeys.forEach((k, i) => {
      const value = node.properties[k];
      if (value !== undefined)
        lines.push(`      <data key="n${i}">${xmlEscape(cellText(value))}</data>`);
    });
    lines.push('    </node>');
  }
  for (const rel of data.relationships) {
    lines.push(
      `    <edge id="${xmlEscape(rel.id)}" source="${xmlEscape(rel.start)}" target="${xmlEscape(rel.end)}">`,
    );
    lines.push(`      <data key="type">${xmlEscape(rel.type)}</data>`);
    edgeKeys.forEach((k, i) => {
      const value = rel.properties[k];
      if (value !== undefined)
        lines.push(`      <data key="e${i}">${xmlEscape(cellText(value))}</data>`);
    });
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
