/**
 * The Details tab: the selected node or relationship, and the controls over what the canvas
 * draws (legend, captions, property filters, the node list) with the database overview.
 */
import type { Dispatch, SetStateAction } from 'react';
import type { CaptionRules } from '../../../common/caption.ts';
import type { GraphData, SchemaResponse } from '../../../common/api.ts';
import { quoteName } from '../../../common/cypher-name.ts';
import { NodeDetails, RelationshipDetails, type NodeActions } from '../details/DetailsPanel.tsx';
import type { useNodeDetails, useRelationshipDetails } from '../details/useElementDetails.ts';
import { CaptionChooser } from '../graph/CaptionChooser.tsx';
import type { LegendEntry } from '../graph/elements.ts';
import { FilterPanel } from '../graph/FilterPanel.tsx';
import { toggle, type TypeEntry, type ViewFilter } from '../graph/filters.ts';
import type { CanvasSelection } from '../graph/GraphCanvas.tsx';
import { Legend } from '../graph/Legend.tsx';
import { NodeList } from '../graph/NodeList.tsx';
import type { LabelCounts, LabelStyles } from '../graph/palette.ts';
import type { observeProperties } from '../graph/propertyFilters.ts';
import { DatabaseOverview } from '../schema/DatabaseOverview.tsx';
import type { Scene } from '../scene/scene.ts';

interface Props {
  scene: Scene;
  selection: CanvasSelection;
  onSelect: (selection: CanvasSelection) => void;
  details: ReturnType<typeof useNodeDetails>;
  relationshipDetails: ReturnType<typeof useRelationshipDetails>;
  actions: NodeActions;
  styles: LabelStyles;
  counts: LabelCounts;
  visible: GraphData;
  drawn: GraphData;
  legend: LegendEntry[];
  types: TypeEntry[];
  filter: ViewFilter;
  onFilter: Dispatch<SetStateAction<ViewFilter>>;
  observed: ReturnType<typeof observeProperties>;
  schema: SchemaResponse | undefined;
  captionChoices: CaptionRules;
  captionRules: CaptionRules;
  onColour: (label: string, colour: string) => void;
  onCaption: (label: string, keys: string[]) => void;
  onQuery: (query: string) => void;
}

export function DetailsTab(props: Props) {
  const { scene, selection, styles, visible, filter, onFilter: setFilter } = props;
  const selectedNode = selection?.kind === 'node' ? scene.nodes[selection.id] : undefined;
  const selectedRel =
    selection?.kind === 'relationship' ? scene.relationships[selection.id] : undefined;
  return (
    <>
      {selectedNode && (
        <NodeDetails
          node={selectedNode}
          details={props.details}
          styles={styles}
          expansion={scene.expansions[selectedNode.id]}
          pinned={scene.pinned.includes(selectedNode.id)}
          actions={props.actions}
        />
      )}
      {selectedRel && (
        <RelationshipDetails
          relationship={selectedRel}
          start={scene.nodes[selectedRel.start]}
          end={scene.nodes[selectedRel.end]}
          details={props.relationshipDetails}
          onOpenPassage={props.actions.openPassage}
        />
      )}
      {!selection && visible.nodes.length > 0 && (
        <p className="muted hint">Select a node to see its details; double-click to expand it.</p>
      )}
      <Legend
        entries={props.legend}
        types={props.types}
        hiddenLabels={filter.hiddenLabels}
        hiddenTypes={filter.hiddenTypes}
        onLabelShown={(label, shown) =>
          setFilter((f) => ({ ...f, hiddenLabels: toggle(f.hiddenLabels, label, !shown) }))
        }
        onTypeShown={(type, shown) =>
          setFilter((f) => ({ ...f, hiddenTypes: toggle(f.hiddenTypes, type, !shown) }))
        }
        onColour={props.onColour}
      />
      <CaptionChooser
        labels={props.legend.map((entry) => entry.label)}
        schema={props.schema}
        chosen={props.captionChoices}
        onChoose={props.onCaption}
      />
      <FilterPanel
        observed={props.observed}
        filters={filter.properties ?? []}
        dateRange={filter.dateRange}
        onFilters={(properties) => setFilter((f) => ({ ...f, properties }))}
        onDateRange={(dateRange) => setFilter((f) => ({ ...f, dateRange }))}
        shown={props.drawn.nodes.length + props.drawn.relationships.length}
        total={visible.nodes.length + visible.relationships.length}
      />
      <NodeList
        nodes={visible.nodes}
        styles={styles}
        counts={props.counts}
        captions={props.captionRules}
        selectedId={selectedNode?.id}
        onChoose={(id) => props.onSelect({ kind: 'node', id })}
      />
      {!selection && props.schema && (
        <DatabaseOverview
          schema={props.schema}
          styles={styles}
          onLabel={(label) => props.onQuery(`MATCH (n:${quoteName(label)})\nRETURN n\nLIMIT 25`)}
        />
      )}
    </>
  );
}
