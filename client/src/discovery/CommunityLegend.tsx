/**
 * The legend of the community colours on the canvas: one row per community drawn, with its
 * colour, its most frequent kind, its size in the graph and on the canvas, and its most central
 * members; a row's button highlights its members on the canvas.
 */
import type { DrawnCentrality } from './useCanvasCentrality.ts';
import type { Highlight } from './DiscoveryPanel.tsx';
import { OTHER_COMMUNITIES, OUTSIDE_COMMUNITIES } from './communityColours.ts';

interface Props {
  state: DrawnCentrality;
  onHighlight: (highlight: Highlight | undefined) => void;
}

export function CommunityLegend({ state, onHighlight }: Props) {
  const { colours, answer, omitted } = state;
  return (
    <section
      className="discovery__communities"
      aria-labelledby="communities-title"
      data-testid="community-legend"
    >
      <h4 id="communities-title" className="discovery__group-title">
        Communities on the canvas
      </h4>
      <ul className="discovery__community-list">
        {colours.entries.map(({ community, colour, shown }) => (
          <li key={community.id} data-testid="community-entry" data-colour={colour}>
            <span className="discovery__swatch" style={{ background: colour }} aria-hidden="true" />
            <span className="discovery__community-name">
              Group {community.id + 1}
              {community.kind && <span className="muted"> · mostly {community.kind}</span>}
            </span>
            <span className="discovery__community-count">
              {shown.length} of {community.size} shown
            </span>
            <span className="discovery__community-members muted">
              {community.members.map((m) => m.caption).join(', ')}
            </span>
            <button
              type="button"
              className="small"
              aria-label={`Highlight group ${community.id + 1} on the canvas`}
              onClick={() => onHighlight({ nodes: shown, relationships: [] })}
            >
              Highlight
            </button>
          </li>
        ))}
        {answer.outside.length > 0 && (
          <li data-testid="community-outside">
            <span
              className="discovery__swatch"
              style={{ background: OUTSIDE_COMMUNITIES }}
              aria-hidden="true"
            />
            <span className="discovery__community-name">Not ranked</span>
            <span className="discovery__community-count">{answer.outside.length} shown</span>
            <span className="discovery__community-members muted">
              sources and nodes outside the time window or scope
            </span>
          </li>
        )}
      </ul>
      {colours.others > 0 && (
        <p className="discovery__note">
          <span
            className="discovery__swatch"
            style={{ background: OTHER_COMMUNITIES }}
            aria-hidden="true"
          />
          {colours.others} smaller communities share this colour.
        </p>
      )}
      {omitted > 0 && (
        <p className="discovery__note">
          {omitted} canvas nodes are beyond what one request colours.
        </p>
      )}
    </section>
  );
}
