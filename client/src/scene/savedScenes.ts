/**
 * Saved scenes: named snapshots kept per database in local storage, and the JSON file a scene is
 * exported to and imported from. Storage is read leniently (a damaged entry is skipped) and
 * written best-effort; a file is read strictly, with a message that says what is wrong with it.
 */
import { z } from './zod.ts';
import {
  SceneSnapshotSchema,
  SnapshotError,
  parseSnapshot,
  type SceneSnapshot,
} from './snapshot.ts';

const KEY_PREFIX = 'summit-graph:scenes:';
/** What a scene file says it is, so another JSON file is told apart from a damaged scene. */
export const SCENE_FILE_FORMAT = 'summit-graph-scene';

export interface SavedScene {
  name: string;
  /** ISO date-time of saving. */
  savedAt: string;
  snapshot: SceneSnapshot;
}

const SavedSceneSchema = z.strictObject({
  name: z.string().min(1),
  savedAt: z.string(),
  snapshot: SceneSnapshotSchema,
});

export function readScenes(database: string): SavedScene[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY_PREFIX + database) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry) => {
      const scene = SavedSceneSchema.safeParse(entry);
      return scene.success ? [scene.data] : [];
    });
  } catch {
    return [];
  }
}

/** Stores the list; with storage disabled or full the scenes hold for this page only. */
export function writeScenes(database: string, scenes: readonly SavedScene[]): void {
  try {
    localStorage.setItem(KEY_PREFIX + database, JSON.stringify(scenes));
  } catch {
    // Nothing to do: the list in the menu still shows them.
  }
}

/** The list with the scene added; a scene of the same name is replaced. */
export function withScene(scenes: readonly SavedScene[], scene: SavedScene): SavedScene[] {
  return [...scenes.filter((s) => s.name !== scene.name), scene].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

/** The scene as the JSON text of a scene file. */
export function sceneFile(scene: SavedScene): string {
  return `${JSON.stringify({ format: SCENE_FILE_FORMAT, name: scene.name, savedAt: scene.savedAt, scene: scene.snapshot }, null, 2)}\n`;
}

/** A file name for the scene: its name in lower case, with anything unsafe replaced. */
export function sceneFileName(name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem || 'scene'}.scene.json`;
}

/** Reads a scene file; anything else is a SnapshotError naming the problem. */
export function parseSceneFile(text: string): SavedScene {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SnapshotError('This file is not a scene: it is not JSON.');
  }
  const envelope = z
    .looseObject({ format: z.literal(SCENE_FILE_FORMAT), name: z.string().min(1).max(200) })
    .safeParse(json);
  if (!envelope.success) {
    throw new SnapshotError(
      `This file is not a scene: a scene file has "format": "${SCENE_FILE_FORMAT}" and a name.`,
    );
  }
  const { name, savedAt, scene } = json as { savedAt?: unknown; scene?: unknown; name: string };
  return {
    name,
    savedAt: typeof savedAt === 'string' ? savedAt : new Date().toISOString(),
    snapshot: parseSnapshot(scene),
  };
}
