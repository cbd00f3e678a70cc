/** What the library displays during a test, captured instead of reaching a page. */
import { onTestFinished } from 'vitest';
import { setDisplayHook, type DisplayOutput } from '../../../src/lib/display';

/** Collects every display() from now on into the returned array (call it inside a test: the hook is removed when the test ends). */
export function captureDisplay(): DisplayOutput[] {
  const outputs: DisplayOutput[] = [];
  setDisplayHook((o) => outputs.push(o));
  onTestFinished(() => setDisplayHook(null));
  return outputs;
}
