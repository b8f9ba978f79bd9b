/**
 * Per label on the canvas, which property captions its nodes: the schema's choice ("automatic")
 * or one text property of the label. Choices are saved per database (captionChoices.ts).
 */
import type { SchemaResponse } from '../../../common/api.ts';
import type { CaptionRules } from '../../../common/caption.ts';
import './legend.css';

interface Props {
  labels: readonly string[];
  schema: SchemaResponse | undefined;
  chosen: CaptionRules;
  onChoose: (label: string, keys: string[]) => void;
}

const AUTOMATIC = '';

export function CaptionChooser({ labels, schema, chosen, onChoose }: Props) {
  if (!schema || labels.length === 0) return null;
  return (
    <details className="legend__types captions" data-testid="caption-chooser">
      <summary>Captions</summary>
      <ul className="legend__list">
        {labels.map((label) => {
          const keys = (schema.labels.find((l) => l.label === label)?.properties ?? [])
            .filter((p) => p.types.some((t) => t === 'STRING'))
            .map((p) => p.key);
          const automatic = schema.captions[label]?.join(' + ') ?? 'first text';
          const value = chosen[label]?.join('\u0000') ?? AUTOMATIC;
          return (
            <li key={label} className="legend__item">
              <label className="captions__row">
                <span className="legend__label">{label}</span>
                <select
                  aria-label={`Caption for ${label}`}
                  value={value}
                  onChange={(e) =>
                    onChoose(label, e.target.value ? e.target.value.split('\u0000') : [])
                  }
                >
                  <option value={AUTOMATIC}>automatic ({automatic})</option>
                  {keys.map((key) => (
                    <option key={key} value={key}>
                      {key}
                    </option>
                  ))}
                </select>
              </label>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
