/**
 * What the Document tab shows for the selection: the passage to open (a selected passage opens
 * its own document, otherwise the one opened from the details) and the evidence to mark in it.
 */
import { useMemo } from 'react';
import type { EvidenceProfile, GraphNode, NodeResponse } from '../../../common/api.ts';
import type { Resource } from '../api/useResource.ts';
import type { DocumentFocus } from '../document/DocumentView.tsx';
import type { CanvasSelection } from '../graph/GraphCanvas.tsx';
import type { Scene } from '../scene/scene.ts';
import type { PanelTab } from './SidePanel.tsx';

interface Inputs {
  scene: Scene;
  selection: CanvasSelection;
  details: Resource<NodeResponse>;
  profile: Pick<EvidenceProfile, 'passageLabels'>;
  tab: PanelTab;
  /** The passage opened from the details or a document's changes. */
  opened: GraphNode | undefined;
}

export function useDocumentFocus({ scene, selection, details, profile, tab, opened }: Inputs) {
  const selectedNodeId = selection?.kind === 'node' ? selection.id : undefined;
  const selectedNode = selectedNodeId ? scene.nodes[selectedNodeId] : undefined;
  const selectedRel =
    selection?.kind === 'relationship' ? scene.relationships[selection.id] : undefined;
  const nodeQuotes = details.kind === 'ready' ? details.data.evidence?.quotes : undefined;
  const focus: DocumentFocus = useMemo(
    () => ({
      ...(selectedNodeId ? { nodeId: selectedNodeId } : {}),
      ...(nodeQuotes ? { quotes: nodeQuotes } : {}),
      ...(selectedRel ? { relationship: selectedRel } : {}),
    }),
    [selectedNodeId, nodeQuotes, selectedRel],
  );
  // A selected passage opens its own document.
  const passageSelected = Boolean(
    selectedNode && selectedNode.labels.some((l) => profile.passageLabels.includes(l)),
  );
  const passage = passageSelected && tab === 'document' ? selectedNode : opened;
  return { selectedNode, focus, passageSelected, passage };
}
