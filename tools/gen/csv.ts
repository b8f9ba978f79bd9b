/**
 * Writes a generated graph as CSV files for `neo4j-admin database import`: one file per node
 * label set and one per relationship type, each with a typed header (`key:ID`, `name:string`,
 * `evidenceStarts:long[]`, `date:date`, …). Two passes over the deterministic generator: the
 * first learns each file's columns and types, the second writes, so memory stays bounded.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { generateGraph, type GenerateOptions } from './graph.ts';
import type { NodeRow, Properties } from './rows.ts';

/** Separates array elements: a control character no generated text contains. */
export const ARRAY_DELIMITER = '\u001f';

type ColumnType = 'string' | 'long' | 'double' | 'boolean' | 'date';

interface Column {
  key: string;
  type: ColumnType;
  array: boolean;
}

export interface CsvGroup {
  /** `Entity:Country`, `Document`, … for nodes; the type for relationships. */
  name: string;
  file: string;
  rows: number;
}

export interface CsvFiles {
  nodes: CsvGroup[];
  relationships: CsvGroup[];
  /** Files holding multi-line values (document texts). */
  multiline: string[];
}

function typeOf(value: unknown): ColumnType | undefined {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'double';
  if (neo4j.isInt(value)) return 'long';
  if (neo4j.isDate(value)) return 'date';
  return undefined;
}

function columnOf(key: string, value: unknown): Column | undefined {
  if (Array.isArray(value)) {
    const type = value.length > 0 ? typeOf(value[0]) : undefined;
    // An empty list has no element type: string[] unless another row says otherwise.
    return { key, type: type ?? 'string', array: true };
  }
  const type = typeOf(value);
  return type ? { key, type, array: false } : undefined;
}

/** Learns columns: the union of keys over the group, the first non-empty type for each. */
function learn(columns: Map<string, Column>, properties: Properties): void {
  for (const [key, value] of Object.entries(properties)) {
    const column = columnOf(key, value);
    if (!column) continue;
    const known = columns.get(key);
    if (
      !known ||
      (known.array && Array.isArray(value) && value.length > 0 && known.type === 'string')
    ) {
      columns.set(key, column);
    }
  }
}

const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return quote(value.map((v) => String(v)).join(ARRAY_DELIMITER));
  return quote(String(value)); // Integer and Date print as 12 and 2017-05-12
}

const nodeGroup = (row: NodeRow) => (row.kind ? `${row.label}:${row.kind}` : row.label);

interface Writer {
  group: CsvGroup;
  columns: Column[];
  out: fs.WriteStream;
}

function header(columns: Column[], lead: string[]): string {
  const typed = columns.map((c) => `${c.key}:${c.type}${c.array ? '[]' : ''}`);
  return [...lead, ...typed].join(',');
}

const fileName = (prefix: string, name: string) =>
  `${prefix}-${name.replace(/[^A-Za-z0-9]+/g, '_')}.csv`;

/** Writes the CSV files into `dir` (emptied first). */
export async function writeCsv(graph: GenerateOptions, dir: string): Promise<CsvFiles> {
  const nodeColumns = new Map<string, Map<string, Column>>();
  const relationshipColumns = new Map<string, Map<string, Column>>();
  for (const chunk of generateGraph(graph)) {
    for (const node of chunk.nodes) {
      const group = nodeGroup(node);
      const columns = nodeColumns.get(group) ?? new Map<string, Column>();
      // `key` is the import ID, written first; it is stored as the `key` property.
      const { key: _key, ...rest } = node.properties;
      learn(columns, rest);
      nodeColumns.set(group, columns);
    }
    for (const rel of chunk.relationships) {
      const columns = relationshipColumns.get(rel.type) ?? new Map<string, Column>();
      learn(columns, rel.properties);
      relationshipColumns.set(rel.type, columns);
    }
  }

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const open = (
    prefix: string,
    name: string,
    columns: Map<string, Column>,
    lead: string[],
  ): Writer => {
    const file = path.join(dir, fileName(prefix, name));
    const out = fs.createWriteStream(file);
    const list = [...columns.values()];
    out.write(`${header(list, lead)}\n`);
    return { group: { name, file, rows: 0 }, columns: list, out };
  };
  const nodeWriters = new Map(
    [...nodeColumns].map(([g, c]) => [g, open('nodes', g, c, ['key:ID'])]),
  );
  const relationshipWriters = new Map(
    [...relationshipColumns].map(([t, c]) => [t, open('rels', t, c, [':START_ID', ':END_ID'])]),
  );
  const write = async (writer: Writer, lead: string[], properties: Properties) => {
    const line = [...lead.map(quote), ...writer.columns.map((c) => cell(properties[c.key]))].join(
      ',',
    );
    writer.group.rows += 1;
    if (!writer.out.write(`${line}\n`))
      await new Promise<void>((resolve) => writer.out.once('drain', () => resolve()));
  };
  for (const chunk of generateGraph(graph)) {
    for (const node of chunk.nodes)
      await write(nodeWriters.get(nodeGroup(node))!, [node.key], node.properties);
    for (const rel of chunk.relationships) {
      await write(relationshipWriters.get(rel.type)!, [rel.from, rel.to], rel.properties);
    }
  }
  const all = [...nodeWriters.values(), ...relationshipWriters.values()];
  await Promise.all(all.map((w) => new Promise<void>((resolve) => w.out.end(() => resolve()))));
  return {
    nodes: [...nodeWriters.values()].map((w) => w.group),
    relationships: [...relationshipWriters.values()].map((w) => w.group),
    multiline: [...nodeWriters.values()]
      .filter((w) => w.group.name === 'Document')
      .map((w) => w.group.file),
  };
}

/** The import command's data arguments for the files. */
export function importArguments(files: CsvFiles): string[] {
  return [
    ...files.nodes.map((g) => `--nodes=${g.name}=${g.file}`),
    ...files.relationships.map((g) => `--relationships=${g.name}=${g.file}`),
  ];
}
