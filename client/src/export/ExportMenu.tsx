/** Export the view (PNG, SVG) and the data on the canvas (JSON, GraphML, CSV) as downloads. */
import type { Core } from 'cytoscape';
import { useRef } from 'react';
import type { GraphData } from '../../../common/api.ts';
import { nodesCsv, relationshipsCsv, toGraphML, toJson } from './formats.ts';
import { legendRows, type LegendRow } from './legend.ts';
import { scenePng } from './png.ts';
import { sceneSvg, type SvgEdge, type SvgNode } from './svg.ts';

interface Props {
  data: GraphData;
  core: () => Core | null;
}

const FILE_STEM = 'summit-graph';

export function download(name: string, content: Blob | string, type: string): void {
  const blob = typeof content === 'string' ? new Blob([content], { type }) : content;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The legend of the drawn nodes' labels and colours. */
function legendOf(cy: Core): LegendRow[] {
  return legendRows(
    cy
      .nodes(':visible')
      .map((n) => ({ label: String(n.data('label') ?? ''), color: String(n.data('color')) })),
  );
}

function svgOf(cy: Core): string {
  const nodes: SvgNode[] = cy.nodes().map((n) => ({
    x: n.position().x,
    y: n.position().y,
    size: Number(n.data('size')),
    color: String(n.data('color')),
    border: String(n.data('border')),
    caption: String(n.data('caption')),
  }));
  const edges: SvgEdge[] = cy.edges().map((e) => ({
    from: { ...e.source().position(), size: Number(e.source().data('size')) },
    to: { ...e.target().position(), size: Number(e.target().data('size')) },
    label: String(e.data('type')),
  }));
  return sceneSvg(nodes, edges, legendOf(cy));
}

export function ExportMenu({ data, core }: Props) {
  const empty = data.nodes.length === 0;
  const menu = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);
  const run = (format: string) => {
    // A chosen format closes the menu, as menus do.
    if (menu.current) menu.current.open = false;
    const cy = core();
    switch (format) {
      case 'png':
        if (cy) {
          scenePng(cy, legendOf(cy)).then(
            (png) => download(`${FILE_STEM}.png`, png, 'image/png'),
            (error: unknown) => console.error('The PNG export failed:', error),
          );
        }
        return;
      case 'svg':
        if (cy) download(`${FILE_STEM}.svg`, svgOf(cy), 'image/svg+xml');
        return;
      case 'json':
        download(`${FILE_STEM}.json`, toJson(data), 'application/json');
        return;
      case 'graphml':
        download(`${FILE_STEM}.graphml`, toGraphML(data), 'application/graphml+xml');
        return;
      case 'csv':
        download(`${FILE_STEM}-nodes.csv`, nodesCsv(data), 'text/csv');
        download(`${FILE_STEM}-relationships.csv`, relationshipsCsv(data), 'text/csv');
        return;
    }
  };
  return (
    <details
      className="menu export-menu"
      ref={menu}
      onKeyDown={(event) => {
        // Escape closes the menu and puts focus back on its button.
        if (event.key !== 'Escape' || !menu.current?.open) return;
        event.preventDefault();
        menu.current.open = false;
        summary.current?.focus();
      }}
    >
      <summary aria-label="Export" ref={summary}>
        Export
      </summary>
      <div className="menu__items" role="group" aria-label="Export formats">
        {[
          ['png', 'Image (PNG)'],
          ['svg', 'Drawing (SVG)'],
          ['json', 'Data (JSON)'],
          ['graphml', 'Data (GraphML)'],
          ['csv', 'Data (CSV)'],
        ].map(([format, label]) => (
          <button key={format} type="button" disabled={empty} onClick={() => run(format as string)}>
            {label}
          </button>
        ))}
      </div>
    </details>
  );
}
