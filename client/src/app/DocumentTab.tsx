/**
 * The Document tab: the open document's text with its mentions, or, when none is open, the
 * documents of the database with what each changed.
 */
import type { ComponentProps } from 'react';
import type { GraphData, GraphNode } from '../../../common/api.ts';
import type { Highlight } from '../discovery/DiscoveryPanel.tsx';
import { DocumentList } from '../document/DocumentList.tsx';
import { DocumentView } from '../document/DocumentView.tsx';

type ViewProps = Omit<ComponentProps<typeof DocumentView>, 'passage'>;

interface Props extends ViewProps {
  /** A passage of the open document, or undefined for the list. */
  passage: GraphNode | undefined;
  onClose: () => void;
  onGraph: (data: GraphData) => void;
  onHighlight: (highlight: Highlight | undefined) => void;
  onRead: (passage: GraphNode) => void;
}

export function DocumentTab({ passage, onClose, onGraph, onHighlight, onRead, ...view }: Props) {
  if (passage) {
    return (
      <>
        <button type="button" className="small" onClick={onClose}>
          All documents
        </button>
        <DocumentView passage={passage} {...view} />
      </>
    );
  }
  return (
    <>
      <p className="muted hint">
        Open a document from a node&apos;s evidence, or select a passage on the canvas.
      </p>
      <DocumentList onGraph={onGraph} onHighlight={onHighlight} onRead={onRead} />
    </>
  );
}
