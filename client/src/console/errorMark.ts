/**
 * The server's syntax error, marked in the Cypher editor: a CodeMirror decoration over the word
 * at the reported line and column (or the character before the end, when it points past the
 * text), and a class on its line. Editing the query removes the mark, since the position no
 * longer refers to the text.
 */
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { CypherPosition } from '../../../common/api.ts';

export const ERROR_MARK_CLASS = 'cm-server-error';
export const ERROR_LINE_CLASS = 'cm-server-error-line';

/** Sets (or with null, clears) the marked error. */
export const setErrorMark = StateEffect.define<{
  position: CypherPosition;
  message: string;
} | null>();

/** The character range to mark for a 1-based line and column in the document. */
export function markRange(
  doc: EditorState['doc'],
  position: Pick<CypherPosition, 'line' | 'column'>,
): { from: number; to: number; line: number } | null {
  if (doc.length === 0 || position.line < 1 || position.line > doc.lines) return null;
  const line = doc.line(position.line);
  const at = Math.min(line.from + Math.max(position.column - 1, 0), line.to);
  let to = at;
  while (to < line.to && /[\p{L}\p{N}_$`]/u.test(line.text[to - line.from] ?? '')) to++;
  if (to === at && at < line.to) to = at + 1;
  // At the end of a line there is nothing to underline: the last character stands in for it.
  const from = to === at && at > line.from ? at - 1 : at;
  return from === to ? null : { from, to, line: line.from };
}

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, tr) {
    for (const effect of tr.effects) {
      if (!effect.is(setErrorMark)) continue;
      if (!effect.value) return Decoration.none;
      const range = markRange(tr.state.doc, effect.value.position);
      if (!range) return Decoration.none;
      const attributes = { title: effect.value.message, 'data-testid': 'editor-error-mark' };
      return Decoration.set([
        Decoration.line({ class: ERROR_LINE_CLASS }).range(range.line),
        Decoration.mark({ class: ERROR_MARK_CLASS, attributes }).range(range.from, range.to),
      ]);
    }
    return tr.docChanged ? Decoration.none : marks;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** The editor extension that shows marks set with `setErrorMark`. */
export const errorMarkExtension: Extension = [errorField];
