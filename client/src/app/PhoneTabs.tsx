/**
 * On a phone the app is three panes — search, the graph, details — and this tab bar switches
 * between them. On wider screens all three show at once and the bar is not drawn (phone.css).
 */
import './phone.css';

export type PhonePane = 'search' | 'graph' | 'details';

const PANES: { id: PhonePane; label: string }[] = [
  { id: 'search', label: 'Search' },
  { id: 'graph', label: 'Graph' },
  { id: 'details', label: 'Details' },
];

interface Props {
  pane: PhonePane;
  onPane: (pane: PhonePane) => void;
}

export function PhoneTabs({ pane, onPane }: Props) {
  return (
    <nav className="phone-tabs" aria-label="Panes">
      {PANES.map((p) => (
        <button
          key={p.id}
          type="button"
          className="phone-tabs__tab"
          aria-pressed={pane === p.id}
          data-testid={`pane-${p.id}`}
          onClick={() => onPane(p.id)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}
