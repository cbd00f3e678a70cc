// Who frames the page (src/kernel/page/framing.ts): the reader and the kernel frame start no kernel
// inside a page of another origin; same-origin framing is fine. Browsers with
// location.ancestorOrigins (Chromium, Safari) and without it (Firefox: a walk up the parents,
// where reading a cross-origin parent's location throws).
import { describe, expect, it } from 'vitest';
import { ForeignFrameError, foreignAncestor, kernelSecret } from '../../../src/kernel/page/framing';

type FakeWindow = { parent: FakeWindow; location: { origin: string; ancestorOrigins?: string[] } };

/** A chain of windows, top first; the last is the page asking. Reading another origin's location throws, as in browsers. */
function chain(origins: string[], { listed = true } = {}): Window {
  let parent: FakeWindow | null = null;
  let win: FakeWindow | null = null;
  const asker = origins[origins.length - 1]!;
  origins.forEach((origin, i) => {
    const w = { location: {} } as FakeWindow;
    w.parent = parent ?? w;
    Object.defineProperty(w, 'location', {
      get() {
        if (origin !== asker) throw new DOMException('Blocked a frame from accessing a cross-origin frame.', 'SecurityError');
        return { origin, ...(listed && i === origins.length - 1 ? { ancestorOrigins: origins.slice(0, -1).reverse() } : {}) };
      },
    });
    parent = w;
    win = w;
  });
  return win as unknown as Window;
}

describe('foreignAncestor', () => {
  for (const listed of [true, false]) {
    const how = listed ? 'with ancestorOrigins' : 'by walking the parents';
    it(`a top-level page, and same-origin frames, are not foreign (${how})`, () => {
      expect(foreignAncestor(chain(['https://book.example'], { listed }))).toBeNull();
      expect(foreignAncestor(chain(['https://book.example', 'https://book.example', 'https://book.example'], { listed }))).toBeNull();
    });
    it(`a page of another origin anywhere above is (${how})`, () => {
      expect(foreignAncestor(chain(['https://evil.example', 'https://book.example'], { listed }))).not.toBeNull();
      expect(foreignAncestor(chain(['https://evil.example', 'https://book.example', 'https://book.example'], { listed }))).not.toBeNull();
      expect(foreignAncestor(chain(['https://book.example:8443', 'https://book.example'], { listed }))).not.toBeNull();
    });
  }
  it('names the foreign origin when the browser lists it', () => {
    expect(foreignAncestor(chain(['https://evil.example', 'https://book.example', 'https://book.example']))).toBe('https://evil.example');
    expect(new ForeignFrameError('https://evil.example').message).toMatch(/another site \(https:\/\/evil\.example\).*own tab/);
  });
});

describe('kernelSecret', () => {
  it('is 128 random bits in hex, different every time', () => {
    const a = kernelSecret();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(kernelSecret()).not.toBe(a);
  });
});
