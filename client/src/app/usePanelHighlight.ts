/**
 * What the canvas highlights, by side-panel tab: a discovery answer on Discover, what a document
 * changed on Document, the chosen path elsewhere. Each tab keeps its own, so switching back shows
 * it again.
 */
import { useMemo, useState } from 'react';
import type { FoundPath } from '../../../common/api.ts';
import type { Highlight } from '../discovery/DiscoveryPanel.tsx';
import type { PanelTab } from './SidePanel.tsx';

export function usePanelHighlight(tab: PanelTab, chosenPath: FoundPath | undefined) {
  const [discoveryHighlight, setDiscoveryHighlight] = useState<Highlight | undefined>();
  const [changesHighlight, setChangesHighlight] = useState<Highlight | undefined>();
  const highlight = useMemo(
    () =>
      tab === 'discover'
        ? discoveryHighlight
        : tab === 'document' && changesHighlight
          ? changesHighlight
          : chosenPath
            ? { nodes: chosenPath.nodes, relationships: chosenPath.relationships }
            : undefined,
    [chosenPath, tab, discoveryHighlight, changesHighlight],
  );
  return { highlight, setDiscoveryHighlight, setChangesHighlight };
}
