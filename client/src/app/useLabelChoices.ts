/**
 * The reader's per-label choices, kept per database: label colours over the automatic palette
 * and caption keys over the schema's rules. Each choice is written to storage and read back.
 */
import { useMemo, useState } from 'react';
import type { CaptionRules } from '../../../common/caption.ts';
import { setCaptionRules } from '../graph/caption.ts';
import { effectiveRules, readCaptionChoices, writeCaptionChoice } from '../graph/captionChoices.ts';
import { readOverrides, writeOverride } from '../graph/labelColours.ts';
import { labelStyles } from '../graph/palette.ts';

export function useLabelChoices(
  database: string,
  labels: readonly string[],
  schemaCaptions: CaptionRules | undefined,
) {
  const [colourVersion, setColourVersion] = useState(0);
  // colourVersion changes after each choice, so storage is read again.
  const overrides = useMemo(
    () => (database && colourVersion >= 0 ? readOverrides(database) : {}),
    [database, colourVersion],
  );
  const styles = useMemo(() => labelStyles(labels, overrides), [labels, overrides]);
  const [captionVersion, setCaptionVersion] = useState(0);
  const captionChoices = useMemo(
    () => (database && captionVersion >= 0 ? readCaptionChoices(database) : {}),
    [database, captionVersion],
  );
  const captionRules = useMemo(
    () => effectiveRules(schemaCaptions ?? {}, captionChoices),
    [schemaCaptions, captionChoices],
  );
  setCaptionRules(captionRules);
  return {
    styles,
    colourChoices: overrides,
    captionChoices,
    captionRules,
    chooseColour: (label: string, colour: string) => {
      if (database) writeOverride(database, label, colour);
      setColourVersion((v) => v + 1);
    },
    chooseCaption: (label: string, keys: string[]) => {
      if (database) writeCaptionChoice(database, label, keys);
      setCaptionVersion((v) => v + 1);
    },
    /** Takes over a saved view's colours and captions as choices of this database. */
    applyStyle: (colours: Record<string, string>, captions: CaptionRules) => {
      if (database) {
        for (const [label, colour] of Object.entries(colours))
          writeOverride(database, label, colour);
        for (const [label, keys] of Object.entries(captions))
          writeCaptionChoice(database, label, keys);
      }
      setColourVersion((v) => v + 1);
      setCaptionVersion((v) => v + 1);
    },
  };
}
