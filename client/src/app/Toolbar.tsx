/**
 * Canvas controls: undo/redo, zoom and fit, layout, hidden nodes, export, scenes and the scene
 * counts.
 */
import type { ReactNode, RefObject } from 'react';
import type { GraphData } from '../../../common/api.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import type { GraphCanvasHandle } from '../graph/GraphCanvas.tsx';
import { LAYOUTS, isLayoutName, type LayoutName } from '../graph/layouts.ts';

const count = new Intl.NumberFormat('en');

export function plural(n: number, noun: string): string {
  return `${count.format(n)} ${noun}${n === 1 ? '' : 's'}`;
}

interface Props {
  canvas: RefObject<GraphCanvasHandle | null>;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  layout: LayoutName;
  onLayout: (name: LayoutName) => void;
  hiddenCount: number;
  onShowHidden: () => void;
  onClear: () => void;
  consoleOpen: boolean;
  onConsole: () => void;
  visible: GraphData;
  totalNodes: number | undefined;
  /** More controls after export (the scenes menu). */
  children?: ReactNode;
}

export function Toolbar(props: Props) {
  const { canvas, visible, totalNodes } = props;
  return (
    <div className="toolbar" role="toolbar" aria-label="Canvas controls">
      <button type="button" disabled={!props.canUndo} onClick={props.onUndo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button
        type="button"
        disabled={!props.canRedo}
        onClick={props.onRedo}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
      <span className="toolbar__sep" aria-hidden="true" />
      <button type="button" onClick={() => canvas.current?.fit()}>
        Fit
      </button>
      <button type="button" aria-label="Zoom in" onClick={() => canvas.current?.zoomBy(1.25)}>
        +
      </button>
      <button type="button" aria-label="Zoom out" onClick={() => canvas.current?.zoomBy(0.8)}>
        −
      </button>
      <span className="toolbar__sep" aria-hidden="true" />
      <label className="toolbar__field">
        Layout
        <select
          value={props.layout}
          onChange={(event) => {
            const name = event.target.value;
            if (isLayoutName(name)) props.onLayout(name);
          }}
        >
          {Object.entries(LAYOUTS).map(([name, label]) => (
            <option key={name} value={name}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => canvas.current?.relayout(props.layout)}>
        Re-layout
      </button>
      {props.hiddenCount > 0 && (
        <button type="button" onClick={props.onShowHidden}>
          Show {plural(props.hiddenCount, 'hidden node')}
        </button>
      )}
      <button type="button" disabled={visible.nodes.length === 0} onClick={props.onClear}>
        Clear
      </button>
      <button type="button" aria-pressed={props.consoleOpen} onClick={props.onConsole}>
        Cypher
      </button>
      <ExportMenu data={visible} core={() => canvas.current?.core() ?? null} />
      {props.children}
      <p className="status-line" data-testid="scene-counts" aria-live="polite">
        {plural(visible.nodes.length, 'node')} ·{' '}
        {plural(visible.relationships.length, 'relationship')}
        {totalNodes !== undefined && totalNodes > visible.nodes.length && (
          <> (of {count.format(totalNodes)} nodes in the database)</>
        )}
      </p>
    </div>
  );
}
