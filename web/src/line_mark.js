// line_mark.js -- one highlighted line in a CodeMirror editor (the error
// line after a failed Run, the line a memory diagram's step is about to run).
import { EditorView, Decoration } from '@codemirror/view';
import { StateEffect, StateField } from '@codemirror/state';

/** {set: StateEffect (line number, 0 = none), field: StateField} for one kind of line mark. */
export function lineMark(className, title) {
  const set = StateEffect.define();
  const mark = Decoration.line({ class: className, attributes: { title } });
  const field = StateField.define({
    create: () => Decoration.none,
    update(marks, tr) {
      for (const effect of tr.effects) {
        if (effect.is(set)) {
          const line = effect.value;
          if (!line || line < 1 || line > tr.state.doc.lines) return Decoration.none;
          return Decoration.set([mark.range(tr.state.doc.line(line).from)]);
        }
      }
      return tr.docChanged ? Decoration.none : marks.map(tr.changes);
    },
    provide: (f) => EditorView.decorations.from(f),
  });
  return { set, field };
}
