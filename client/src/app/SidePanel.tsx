/**
 * The side panel's tabs: details of the selection, the source document, the path finder,
 * discovery (connect, share, centrality, timeline, suggestions).
 */
import type { ReactNode } from 'react';

export type PanelTab = 'details' | 'document' | 'paths' | 'discover';

const TABS: { id: PanelTab; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'document', label: 'Document' },
  { id: 'paths', label: 'Paths' },
  { id: 'discover', label: 'Discover' },
];

interface Props {
  tab: PanelTab;
  onTab: (tab: PanelTab) => void;
  children: ReactNode;
}

export function SidePanel({ tab, onTab, children }: Props) {
  const move = (event: React.KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] as (typeof TABS)[number];
    onTab(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };
  return (
    <aside className="sidebar" aria-label="Details, document, paths and discovery">
      <div className="tabs" role="tablist" aria-label="Side panel">
        {TABS.map((t, i) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onTab(t.id)}
            onKeyDown={(event) => move(event, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {children}
      </div>
    </aside>
  );
}
