import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { messagesFor } from '../../../../src/app/i18n/messages';
import { formatTableNumber, outputHtml } from '../../../../src/build/static-pages/static-outputs';
import { STATIC_WORDS } from '../../../../src/build/static-pages/static-words';

const ctx = { m: messagesFor('en'), words: STATIC_WORDS.en, idPrefix: 'c0' };

describe('outputs as static HTML', () => {
  it('text and values are escaped <pre>s with the app classes', () => {
    expect(outputHtml({ kind: 'text', stream: 'stdout', text: 'a < b & c\n' }, ctx)).toBe('<pre class="output output-text output-stdout">a &lt; b &amp; c\n</pre>');
    expect(outputHtml({ kind: 'text', stream: 'stderr', text: 'warn' }, ctx)).toContain('output-stderr');
    expect(outputHtml({ kind: 'value', type: 'ndarray', text: '[[1. 2.]]\n<NDArray 1x2 @cpu(0)>' }, ctx)).toBe('<pre class="output output-value output-ndarray">[[1. 2.]]\n&lt;NDArray 1x2 @cpu(0)&gt;</pre>');
  });

  it('errors show name, message, line and column with a caret under the source', () => {
    const html = outputHtml({ kind: 'error', name: 'ShapeError', message: 'expected (2, 3)', line: 4, column: 3, sourceLine: 'x.add(y)' }, ctx);
    expect(html).toContain('<span class="error-name">ShapeError</span>: expected (2, 3)');
    expect(html).toContain('line 4, column 3');
    // The caret is pushed by the line's own text, hidden (as in the app): wide characters and tabs push it as far.
    expect(html).toContain('<pre class="error-source">x.add(y)\n<span class="error-caret-pad" aria-hidden="true">x.</span>^</pre>');
    expect(outputHtml({ kind: 'error', name: 'E', message: 'm', line: 1, column: 9, sourceLine: 'print("梯度", z)' }, ctx)).toContain('<span class="error-caret-pad" aria-hidden="true">print(&quot;梯</span>^');
    expect(outputHtml({ kind: 'error', name: 'E', message: 'm', line: null, column: null, sourceLine: null }, ctx)).not.toContain('error-where');
  });

  it('tables are tables, numbers to six significant digits, as the app', () => {
    const html = outputHtml({ kind: 'table', columns: ['name', 'value'], rows: [['w<1>', 2.000183], ['b', null], ['n', 3]], caption: 'params' }, ctx);
    expect(html).toContain('<caption>params</caption>');
    expect(html).toContain('<th>name</th><th>value</th>');
    expect(html).toContain('<td>w&lt;1&gt;</td><td class="num">2.00018</td>');
    expect(html).toContain('<td>b</td><td></td>');
    expect(formatTableNumber(1.5e-7)).toBe('1.5e-7');
  });

  it('images are PNG data URLs at their display size, with titles', () => {
    const pixels = new Uint8Array([0, 255, 128, 64]);
    const html = outputHtml({ kind: 'images', columns: 1, scale: 3, images: [{ width: 2, height: 2, channels: 1, pixels, title: 'coat' }] }, ctx);
    expect(html).toMatch(/<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" width="6" height="6" alt="coat"\/>/);
    expect(html).toContain('<figcaption>coat</figcaption>');
    const png = Buffer.from(/base64,([^"]+)"/.exec(html)![1]!, 'base64');
    const idat = png.indexOf('IDAT');
    const len = png.readUInt32BE(idat - 4);
    expect([...inflateSync(png.subarray(idat + 4, idat + 4 + len))]).toEqual([0, 0, 255, 0, 128, 64]); // filter byte + row, twice
  });

  it('charts are inline SVG; controls show their recorded values, say they move with JavaScript, and hold their outputs', () => {
    const chart = { kind: 'chart' as const, chartId: 'a', notes: [], panels: [{ xScale: 'linear' as const, yScale: 'linear' as const, series: [{ name: 's', x: [0, 1], y: [0, 1], mode: 'lines' as const }] }] };
    expect(outputHtml(chart, ctx, 2)).toContain('id="c0-2-0-c"');
    const html = outputHtml(
      { kind: 'controls', controlsId: 'k', state: 'done', controls: [{ kind: 'slider', name: 'lr', min: 0.01, max: 1, step: 0.01, log: true }, { kind: 'select', name: 'opt', options: ['sgd', 'adam'] }], values: [0.30000000000000004, 'adam'], outputs: [chart, { kind: 'text', stream: 'stdout', text: 'done' }] },
      ctx,
      1,
    );
    expect(html).toContain('<span class="controls-static-value">lr = 0.3</span><span class="controls-static-value">opt = adam</span>');
    expect(html).toContain(STATIC_WORDS.en.controlsNote);
    expect(html).toContain('<svg class="static-chart-panel"');
    expect(html).toContain('id="c0-1-0-0-c"'); // nested ids stay unique
    expect(html).toContain('>done</pre>');
  });
});
