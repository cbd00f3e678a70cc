/** Loads the CodeMirror module once, after the text is on screen; cells show plain code until then. */
import { useEffect, useState } from 'react';

type EditorModule = typeof import('./editor/create-editor');
let loading: Promise<EditorModule> | null = null;
let loaded: EditorModule | null = null;

export function loadEditor(): Promise<EditorModule> {
  loading ??= import('./editor/create-editor').then((m) => (loaded = m));
  return loading;
}

export function useEditorModule(): EditorModule | null {
  const [mod, setMod] = useState<EditorModule | null>(loaded);
  useEffect(() => {
    if (mod) return;
    let live = true;
    // Let the browser paint the text first.
    const start = () => void loadEditor().then((m) => live && setMod(m));
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback;
    if (idle) idle(start, { timeout: 300 });
    else setTimeout(start, 50);
    return () => {
      live = false;
    };
  }, [mod]);
  return mod;
}
