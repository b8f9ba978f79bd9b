/**
 * The scene snapshot: one versioned, self-contained description of a view (its elements by stable
 * reference, where they stand, what is hidden, filters, styles, layout, viewport and selection),
 * validated with zod so a bad link or file is refused with a message that says what is wrong.
 * Deep links carry it as deflated base64url JSON; saved scenes and scene files keep it as JSON.
 */
import { z } from './zod.ts';
import type { NodeRef } from '../../../common/api.ts';
import { LAYOUTS, type LayoutName } from '../graph/layouts.ts';
import { isHexColour } from '../graph/palette.ts';
import { OPERATORS, type PropertyOperator, type ValueKind } from '../graph/propertyFilters.ts';

export const SNAPSHOT_VERSION = 1;

const finite = z.number().finite();
const index = z.number().int().min(0);
const name = z.string().min(1).max(256);

const NodeRefSchema: z.ZodType<NodeRef> = z.union([
  z.strictObject({ id: z.string().min(1).max(200) }),
  z.strictObject({
    label: name,
    property: name,
    value: z.union([z.string(), finite, z.boolean()]),
  }),
]);

const VALUE_KINDS = Object.keys(OPERATORS) as [ValueKind, ...ValueKind[]];
const OPERATOR_LIST = [...new Set(Object.values(OPERATORS).flat())] as [
  PropertyOperator,
  ...PropertyOperator[],
];
const TARGETS = ['node', 'relationship'] as const;

const PropertyFilterSchema = z.strictObject({
  target: z.enum(TARGETS),
  key: z.string(),
  kind: z.enum(VALUE_KINDS),
  operator: z.enum(OPERATOR_LIST),
  value: z.string().optional(),
  value2: z.string().optional(),
});

const DateRangeSchema = z.strictObject({
  target: z.enum(TARGETS),
  key: z.string(),
  from: z.string().optional(),
  to: z.string().optional(),
  keepMissing: z.boolean(),
});

export const SceneSnapshotSchema = z
  .strictObject({
    v: z.literal(SNAPSHOT_VERSION, {
      error: `is not a scene version this app reads (expected ${SNAPSHOT_VERSION})`,
    }),
    /** Nodes by reference, with their model position when they were drawn. */
    nodes: z.array(
      z.strictObject({ ref: NodeRefSchema, at: z.tuple([finite, finite]).optional() }),
    ),
    /** Relationships: indexes of their ends in `nodes`, type, and the element id they had. */
    rels: z.array(
      z.strictObject({ s: index, e: index, t: name, id: z.string().max(200).optional() }),
    ),
    /** Indexes in `nodes` of nodes kept but not drawn, and of pinned nodes. */
    hidden: z.array(index),
    pinned: z.array(index),
    filter: z.strictObject({
      labels: z.array(z.string()),
      types: z.array(z.string()),
      properties: z.array(PropertyFilterSchema),
      dates: DateRangeSchema.optional(),
    }),
    /** The label colours and caption keys chosen for this view. */
    style: z.strictObject({
      colours: z.record(
        z.string(),
        z.string().refine(isHexColour, 'must be a colour like #1a2b3c'),
      ),
      captions: z.record(z.string(), z.array(z.string()).min(1)),
    }),
    layout: z.enum(Object.keys(LAYOUTS) as [LayoutName, ...LayoutName[]]),
    viewport: z.strictObject({
      zoom: finite.positive(),
      pan: z.strictObject({ x: finite, y: finite }),
    }),
    select: z.union([z.strictObject({ node: index }), z.strictObject({ rel: index })]).optional(),
  })
  .superRefine((snapshot, ctx) => {
    const count = snapshot.nodes.length;
    const check = (value: number, path: (string | number)[]) => {
      if (value >= count)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `names node ${value}, but the scene has ${count} nodes`,
        });
    };
    snapshot.rels.forEach((rel, i) => {
      check(rel.s, ['rels', i, 's']);
      check(rel.e, ['rels', i, 'e']);
    });
    snapshot.hidden.forEach((n, i) => check(n, ['hidden', i]));
    snapshot.pinned.forEach((n, i) => check(n, ['pinned', i]));
    const select = snapshot.select;
    if (select && 'node' in select) check(select.node, ['select', 'node']);
    if (select && 'rel' in select && select.rel >= snapshot.rels.length)
      ctx.addIssue({
        code: 'custom',
        path: ['select', 'rel'],
        message: `names relationship ${select.rel}, but the scene has ${snapshot.rels.length}`,
      });
  });

export type SceneSnapshot = z.infer<typeof SceneSnapshotSchema>;

/** A snapshot that could not be read: the message names what is wrong and where. */
export class SnapshotError extends Error {
  override name = 'SnapshotError';
}

/** Validates a parsed snapshot; every problem is named in the error's message. */
export function parseSnapshot(value: unknown): SceneSnapshot {
  const parsed = SceneSnapshotSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the scene';
    return `${where}: ${issue.message}`;
  });
  throw new SnapshotError(`This scene cannot be read: ${problems.slice(0, 5).join('; ')}`);
}

/** Bytes through a compression or decompression stream. */
async function through(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The snapshot as base64url of its deflated UTF-8 JSON: one URL-safe word for a `view=`
 * parameter. Deflating matters: a view's references repeat labels, keys and id prefixes, and a
 * URL must stay well under the server's 16 KB request-head limit.
 */
export async function encodeSnapshot(snapshot: SceneSnapshot): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(snapshot));
  return toBase64Url(await through(json, new CompressionStream('deflate-raw')));
}

/** Reads a `view=` parameter back; a damaged one is a SnapshotError saying so. */
export async function decodeSnapshot(text: string): Promise<SceneSnapshot> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) {
    throw new SnapshotError(
      'This link’s view is damaged: it has characters base64url does not use.',
    );
  }
  let json: unknown;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const inflated = await through(bytes, new DecompressionStream('deflate-raw'));
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    throw new SnapshotError(
      'This link’s view is damaged: it does not unpack to JSON (was it cut short?).',
    );
  }
  return parseSnapshot(json);
}
