/** Export the view (PNG, SVG) and the data on the canvas (JSON, GraphML, CSV) as downloads. */
import type { Core } from 'cytoscape';
import { useRef } from 'react';
import type { GraphData } from '../../../common/api.ts';
import { nodesCsv, relationshipsCsv, toGraphML, toJson } from './formats.ts';
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
  return sceneSvg(nodes, edges);
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
        if (cy)
          download(
            `${FILE_STEM}.png`,
            cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }),
            'image/png',
          );
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
      className="menu"
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
