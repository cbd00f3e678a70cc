import { describe, expect, it } from 'vitest';
import { staticPageRoute } from '../../../src/sw/static-pages';

describe("a static page's app route (offline)", () => {
  it('maps sections, parts and editions of each language to their # routes', () => {
    expect(staticPageRoute('en/02-linear-networks/01-linear-regression-scratch.html')).toBe('#/02-linear-networks/01-linear-regression-scratch');
    expect(staticPageRoute('zh/02-linear-networks/01-linear-regression-scratch.html')).toBe('#/zh/02-linear-networks/01-linear-regression-scratch');
    expect(staticPageRoute('en/02-linear-networks/index.html')).toBe('#/02-linear-networks');
    expect(staticPageRoute('zh/index.html')).toBe('#/zh/');
    expect(staticPageRoute('en/index.html')).toBe('#/');
  });
  it('is null for everything else', () => {
    expect(staticPageRoute('index.html')).toBeNull();
    expect(staticPageRoute('kernel-frame.html')).toBeNull();
    expect(staticPageRoute('fr/02-x/01-y.html')).toBeNull();
    expect(staticPageRoute('img/zh/vgg.svg')).toBeNull();
    expect(staticPageRoute('en/a/b/c.html')).toBeNull();
    expect(staticPageRoute('en/other.html')).toBeNull();
  });
});
