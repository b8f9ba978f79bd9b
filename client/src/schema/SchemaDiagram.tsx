/**
 * The schema graph drawn small: one node per label (sized by its count, in its colour), one edge
 * per (label)-[TYPE]->(label) seen in the data. Clicking a label asks for its nodes.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import type { SchemaResponse } from '../../../common/api.ts';
import type { LabelStyles } from '../graph/palette.ts';
import './schema.css';

interface Props {
  schema: SchemaResponse;
  styles: LabelStyles;
  onLabel: (label: string) => void;
}

export function SchemaDiagram({ schema, styles, onLabel }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const onLabelRef = useRef(onLabel);
  useEffect(() => {
    onLabelRef.current = onLabel;
  }, [onLabel]);

  useEffect(() => {
    if (!container.current) return;
    const max = Math.max(1, ...schema.labels.map((l) => l.count));
    const labels = schema.labels.filter((l) => l.count > 0);
    const present = new Set(labels.map((l) => l.label));
    const cy = cytoscape({
      container: container.current,
      elements: [
        ...labels.map((l) => ({
          group: 'nodes' as const,
          data: {
            id: l.label,
            color: styles[l.label]?.color ?? '#8a94a6',
            size: 18 + 26 * Math.sqrt(l.count / max),
          },
        })),
        ...schema.graph.edges
          .filter((e) => present.has(e.start) && present.has(e.end))
          .map((e, i) => ({
            group: 'edges' as const,
            data: { id: `e${i}`, source: e.start, target: e.end, type: e.type },
          })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(color)',
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(id)',
            'font-size': 9,
            'text-valign': 'bottom',
            'text-margin-y': 2,
            color: '#1f2937',
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1,
            'line-color': '#b6bec9',
            'target-arrow-color': '#b6bec9',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            'arrow-scale': 0.6,
          },
        },
        { selector: 'edge:selected, edge.hover', style: { label: 'data(type)', 'font-size': 7 } },
      ],
      layout: { name: 'circle', padding: 16, avoidOverlap: true },
      userZoomingEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cy.on('tap', 'node', (event) => onLabelRef.current(event.target.id() as string));
    cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
    cy.on('mouseout', 'edge', (event) => event.target.removeClass('hover'));
    return () => cy.destroy();
  }, [schema, styles]);

  return (
    <div
      ref={container}
      className="schema-diagram"
      role="img"
      aria-label={`Schema: ${schema.labels.length} labels connected by ${schema.relationshipTypes.length} relationship types`}
      data-testid="schema-diagram"
    />
  );
}
