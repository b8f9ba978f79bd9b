/**
 * Which panel shows what: the side panel's tab, the phone's pane, the passage opened in the
 * Document tab and the question the header search asked Discover.
 */
import { useCallback, useState } from 'react';
import type { GraphNode } from '../../../common/api.ts';
import type { ViewLink } from './deepLink.ts';
import type { PhonePane } from './PhoneTabs.tsx';
import type { PanelTab } from './SidePanel.tsx';

export function usePanels(initialLink: ViewLink) {
  const [tab, setTab] = useState<PanelTab>(initialLink.path ? 'paths' : 'details');
  // On a phone one pane shows at a time (PhoneTabs); wider screens show them all.
  const [pane, setPane] = useState<PhonePane>('graph');
  const [docPassage, setDocPassage] = useState<GraphNode | undefined>();
  const [question, setQuestion] = useState<{ text: string; seq: number } | undefined>();

  /** Opens a passage's document in the Document tab. */
  const openPassage = useCallback((passage: GraphNode) => {
    setDocPassage(passage);
    setTab('document');
  }, []);
  const closePassage = useCallback(() => setDocPassage(undefined), []);
  /** Asks Discover a phrase typed in the header search; each ask is answered afresh. */
  const ask = useCallback((text: string) => {
    setPane('details');
    setTab('discover');
    setQuestion((q) => ({ text, seq: (q?.seq ?? 0) + 1 }));
  }, []);
  return { tab, setTab, pane, setPane, docPassage, openPassage, closePassage, question, ask };
}
