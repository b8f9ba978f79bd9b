/**
 * The Scenes menu: a link to the view as it is, and named scenes kept per database in this
 * browser — save, open, delete, export as a JSON file, import one. Escape closes the menu and
 * focus returns to its button.
 */
import { useRef, useState, type FormEvent } from 'react';
import { download } from '../export/ExportMenu.tsx';
import {
  parseSceneFile,
  readScenes,
  sceneFile,
  sceneFileName,
  withScene,
  writeScenes,
  type SavedScene,
} from './savedScenes.ts';
import type { SceneSnapshot } from './snapshot.ts';
import './scenes.css';

interface Props {
  /** Which database the scenes belong to ("" while unknown: nothing is kept). */
  database: string;
  capture: () => SceneSnapshot;
  open: (snapshot: SceneSnapshot) => Promise<unknown>;
  linkFor: (snapshot: SceneSnapshot) => Promise<string>;
}

type Message = { tone: 'info' | 'error'; text: string } | undefined;

export function ScenesMenu({ database, capture, open, linkFor }: Props) {
  const menu = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const nameField = useRef<HTMLInputElement>(null);
  const [scenes, setScenes] = useState<SavedScene[]>([]);
  const [name, setName] = useState('');
  const [link, setLink] = useState('');
  const [message, setMessage] = useState<Message>();
  // The list follows the database: read again when it changes.
  const [scenesOf, setScenesOf] = useState<string | undefined>(undefined);
  if (scenesOf !== database) {
    setScenesOf(database);
    setScenes(database ? readScenes(database) : []);
  }

  const keep = (next: SavedScene[]) => {
    setScenes(next);
    if (database) writeScenes(database, next);
  };
  const close = () => {
    if (menu.current) menu.current.open = false;
    summary.current?.focus();
  };
  const openScene = (scene: SavedScene) => {
    close();
    open(scene.snapshot).catch((error: unknown) =>
      setMessage({
        tone: 'error',
        text: `Could not open "${scene.name}": ${(error as Error).message}`,
      }),
    );
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    keep(
      withScene(scenes, { name: trimmed, savedAt: new Date().toISOString(), snapshot: capture() }),
    );
    setName('');
    setMessage({ tone: 'info', text: `Saved "${trimmed}".` });
    // The Save button is disabled with the name cleared: focus stays in the menu, on the name.
    nameField.current?.focus();
  };
  const copyLink = async () => {
    const url = await linkFor(capture());
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setMessage({ tone: 'info', text: 'Link copied.' });
    } catch {
      // Where the clipboard is not allowed, the link stays in the field to copy by hand.
      setMessage({ tone: 'info', text: 'Copy the link from the field.' });
    }
  };
  const importFile = async (file: File) => {
    try {
      const scene = parseSceneFile(await file.text());
      keep(withScene(scenes, scene));
      setMessage({ tone: 'info', text: `Imported "${scene.name}".` });
      openScene(scene);
    } catch (error) {
      setMessage({ tone: 'error', text: `${file.name}: ${(error as Error).message}` });
    }
  };

  return (
    <details
      className="menu scenes"
      ref={menu}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !menu.current?.open) return;
        event.preventDefault();
        close();
      }}
    >
      <summary ref={summary}>Scenes</summary>
      <div className="menu__items scenes__panel" role="group" aria-label="Scenes">
        <button type="button" onClick={() => void copyLink()}>
          Copy link to this view
        </button>
        {link && (
          <input
            className="scenes__link"
            readOnly
            aria-label="Link to this view"
            value={link}
            onFocus={(e) => e.target.select()}
          />
        )}
        <form className="scenes__save" onSubmit={save}>
          <input
            ref={nameField}
            aria-label="Scene name"
            placeholder="Name this view"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" disabled={!name.trim()}>
            Save
          </button>
        </form>
        {scenes.length > 0 ? (
          <ul className="scenes__list" aria-label="Saved scenes">
            {scenes.map((scene) => (
              <li key={scene.name} data-testid="saved-scene">
                <span className="scenes__name">{scene.name}</span>
                <button
                  type="button"
                  aria-label={`Open ${scene.name}`}
                  onClick={() => openScene(scene)}
                >
                  Open
                </button>
                <button
                  type="button"
                  aria-label={`Export ${scene.name}`}
                  onClick={() =>
                    download(sceneFileName(scene.name), sceneFile(scene), 'application/json')
                  }
                >
                  Export
                </button>
                <button
                  type="button"
                  aria-label={`Delete ${scene.name}`}
                  onClick={() => keep(scenes.filter((s) => s.name !== scene.name))}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted scenes__empty">No saved scenes for this database.</p>
        )}
        <label className="scenes__import">
          Import a scene file
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        {message && (
          <p
            className={`scenes__message scenes__message--${message.tone}`}
            role={message.tone === 'error' ? 'alert' : 'status'}
            data-testid="scenes-message"
          >
            {message.text}
          </p>
        )}
      </div>
    </details>
  );
}
