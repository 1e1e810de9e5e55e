'use client';
import { useEffect, useMemo, useRef } from 'react';
import CodeMirror, { Decoration, EditorView } from '@uiw/react-codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { useComputedColorScheme } from '@mantine/core';

export interface EditorMark {
  /** 1-based line to mark. */
  line: number;
  message: string;
}

const markTheme = EditorView.theme({
  '.wh-error-line': { backgroundColor: 'rgba(250, 82, 82, 0.12)', boxShadow: 'inset 3px 0 0 #e03131' },
  // The stock gutters are too faint to read (WCAG contrast); more specific than the themes' rule.
  '&.cm-editor .cm-gutters': { color: 'var(--mantine-color-text)' },
});

// One Dark's red keys and grey comments fall short of 4.5:1 on its #282c34; a darker ground passes.
const darkContrast = EditorView.theme(
  {
    '&.cm-editor': { backgroundColor: '#141414' },
    '&.cm-editor .cm-gutters': { backgroundColor: '#141414' },
    '&.cm-editor .cm-activeLine, &.cm-editor .cm-activeLineGutter': { backgroundColor: '#1d1d1d' },
  },
  { dark: true },
);

/** The line with a server-side error, marked (and titled with the message) while it exists in the text. */
function errorLine(mark: EditorMark | undefined) {
  return EditorView.decorations.of((view) => {
    if (!mark || mark.line > view.state.doc.lines) return Decoration.none;
    const line = view.state.doc.line(mark.line);
    return Decoration.set([Decoration.line({ attributes: { class: 'wh-error-line', title: mark.message, 'data-testid': 'yaml-error-line' } }).range(line.from)]);
  });
}

/** A YAML editor (CodeMirror 6) that follows the colour scheme and can mark one line. */
export function CodeEditor({
  value,
  onChange,
  mark,
  label,
  readOnly,
  height = '60vh',
}: {
  value: string;
  onChange?: (v: string) => void;
  mark?: EditorMark;
  label: string;
  readOnly?: boolean;
  height?: string;
}) {
  const scheme = useComputedColorScheme('light');
  const view = useRef<EditorView | null>(null);
  const extensions = useMemo(
    () => [yaml(), markTheme, ...(scheme === 'dark' ? [darkContrast] : []), errorLine(mark), EditorView.contentAttributes.of({ 'aria-label': label })],
    [mark, label, scheme],
  );
  useEffect(() => {
    const v = view.current;
    if (!mark || !v || mark.line > v.state.doc.lines) return;
    v.dispatch({ effects: EditorView.scrollIntoView(v.state.doc.line(mark.line).from, { y: 'center' }) });
  }, [mark]);
  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme={scheme}
      height={height}
      readOnly={readOnly}
      editable={!readOnly}
      basicSetup={{ foldGutter: true, highlightActiveLine: !readOnly }}
      onCreateEditor={(v) => {
        view.current = v;
        // Long manifests scroll: keyboards must be able to reach the scroller (read-only previews have no caret).
        v.scrollDOM.tabIndex = 0;
      }}
      data-testid={readOnly ? 'yaml-preview' : 'yaml-editor'}
    />
  );
}
