// Security of the built reader, in headless Chromium against the built site served as a static
// host would (under /handson/): the page's Content Security Policy (read from the page, then
// violated on purpose), and cell outputs carrying markup in every kind of output (text, stderr,
// values, errors, tables, image titles, chart titles, legends and axis labels) that must show
// as text and never run. Counts: attacks tried and blocked.
//   RELIABILITY_DIST=.cache/rel-dist node --test test/reliability/security.e2e.test.mjs
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, serveStatic } from '../e2e/browser.mjs';
import { recordCount } from './counts.mjs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

let site;
let browser;
let page;
let tried = 0;
let blocked = 0;
const violations = [];

before(async () => {
  site = await serveStatic(process.env.RELIABILITY_DIST ?? '.cache/rel-dist', '/handson/');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.exposeFunction('__reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.__reportViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample }));
  });
  await page.goto(site.url);
  await page.waitForSelector('.toc');
});

after(async () => {
  recordCount('attacks', { tried, blocked });
  await browser?.close();
  await site?.close();
});

/** One attack: counts as blocked only if `body` passes. */
function attack(name, body) {
  it(name, async () => {
    tried++;
    await body();
    blocked++;
  });
}

const pwned = () => page.evaluate(() => window.__pwned);

describe('the Content Security Policy of the page', () => {
  it('is in the built index.html: no inline script, no eval, no plugins', async () => {
    const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'));
    assert.ok(csp, 'no CSP meta tag in the built page');
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    assert.deepEqual(directives['script-src'], ["'self'"]);
    assert.deepEqual(directives['object-src'], ["'none'"]);
    assert.ok(!csp.includes('unsafe-eval'), csp);
  });
  it('the book works under it: opening the first sections (recorded outputs, formulas) raises no violation', async () => {
    const links = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links.slice(0, 8)) {
      await page.evaluate((h) => (location.hash = h), href);
      await page.waitForSelector('.section-body');
    }
    assert.deepEqual(violations, []);
  });

  // The attempts run from a script of the page's own origin (csp-probe.js, written into this
  // suite's private build), not through page.evaluate: DevTools evaluation is exempt from the
  // policy's eval check, a real attacker's script is not.
  const tries = {
    'an inline <script> element': `const s = document.createElement('script'); s.textContent = 'window.__pwned = "inline"'; document.body.append(s);`,
    eval: `try { eval('window.__pwned = "eval"'); } catch {}`,
    'new Function': `try { new Function('window.__pwned = "function"')(); } catch {}`,
    'setTimeout with a string': `try { setTimeout('window.__pwned = "timeout-string"', 0); } catch {}`,
    'an inline event handler (img onerror)': `const d = document.createElement('div'); d.innerHTML = '<img src="x-missing.png" onerror="window.__pwned = 1">'; document.body.append(d);`,
    'a javascript: URL': `const a = document.createElement('a'); a.href = 'javascript:window.__pwned = "javascript-url"'; document.body.append(a); a.click();`,
    'a script from another origin': `const s = document.createElement('script'); s.src = 'https://example.com/evil.js'; s.onload = () => (window.__pwned = 'remote'); document.body.append(s);`,
    'an <object> plugin': `const o = document.createElement('object'); o.data = 'data:text/html,<script>parent.__pwned = 1</script>'; document.body.append(o);`,
  };
  before(async () => {
    const dist = process.env.RELIABILITY_DIST ?? '.cache/rel-dist';
    const cases = Object.entries(tries).map(([name, code]) => `${JSON.stringify(name)}: () => { ${code} }`).join(',\n');
    await writeFile(join(dist, 'csp-probe.js'), `(() => {\nconst tries = {\n${cases}\n};\nconst name = new URL(document.currentScript.src).searchParams.get('attack');\nwindow.__probe = { ran: name };\ntry { tries[name](); } catch (e) { window.__probe.threw = String(e); }\n})();\n`);
  });
  for (const name of Object.keys(tries)) {
    attack(`refuses ${name}`, async () => {
      await page.evaluate(() => {
        delete window.__pwned;
        delete window.__probe;
      });
      // (addScriptTag rejects when the probe's own attempt raises an error event: that is fine.)
      await page.addScriptTag({ url: `${site.url}csp-probe.js?attack=${encodeURIComponent(name)}` }).catch(() => undefined);
      await page.waitForTimeout(300);
      assert.equal((await page.evaluate(() => window.__probe))?.ran, name, `the probe for ${name} did not run`);
      assert.equal(await pwned(), undefined, `${name} ran`);
    });
  }
  // Chromium reports a violation once per kind and document, so the events are checked together.
  it('the refusals were reported as CSP violations (eval, inline script, inline handler, remote script)', () => {
    const directives = new Set(violations.map((v) => v.directive));
    for (const d of ['script-src', 'script-src-elem', 'script-src-attr']) assert.ok(directives.has(d), `no ${d} violation: ${JSON.stringify(violations)}`);
  });
});

describe('outputs with markup render as text', () => {
  let cell;
  before(async () => {
    violations.length = 0;
    // The first section with a code cell; the cell is edited as a reader would.
    const links = await page.$$eval('.toc-sections > li > a', (as) => as.map((a) => a.getAttribute('href')));
    for (const href of links) {
      await page.evaluate((h) => (location.hash = h), href);
      await page.waitForSelector('.section-body');
      if ((await page.locator('.section-body .cell').count()) > 0) break;
    }
    cell = page.locator('.section-body .cell').first();
  });

  async function runCode(code) {
    await cell.scrollIntoViewIfNeeded();
    const content = cell.locator('.cm-content');
    await content.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(code);
    await content.click();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes(el.dataset.state), await cell.elementHandle(), { timeout: 120000 });
    await page.waitForTimeout(500);
    return cell.locator('.cell-outputs').innerText();
  }

  const PAYLOADS = [
    '<img src=x onerror="window.__pwned = 1">',
    '<script>window.__pwned = 2</script>',
    '<svg onload="window.__pwned = 3"></svg>',
    '<a href="javascript:window.__pwned = 4">link</a>',
    '<iframe srcdoc="<script>parent.__pwned = 5</script>"></iframe>',
  ];
  const kinds = {
    'print (stdout)': (p) => `print(${JSON.stringify(p)});`,
    'console.warn (stderr)': (p) => `console.warn(${JSON.stringify(p)});`,
    'a value': (p) => JSON.stringify(p),
    'an error message': (p) => `throw new Error(${JSON.stringify(p)});`,
    'a table': (p) => `d2l.showTable({ columns: [${JSON.stringify(p)}, 'v'], rows: [[${JSON.stringify(p)}, 1]] });`,
    'an image title': (p) => `await d2l.showImages(nd.random.uniform(0, 1, [1, 4, 4]), 1, 1, { titles: [${JSON.stringify(p)}] });`,
    'a chart title, legend and axis labels': (p) => `d2l.plot([0, 1, 2], [[0, 1, 4]], { title: ${JSON.stringify(p)}, legend: [${JSON.stringify(p)}], xLabel: ${JSON.stringify(p)}, yLabel: 'y' });`,
  };
  for (const [kind, make] of Object.entries(kinds)) {
    attack(`${kind}: ${PAYLOADS.length} payloads stay text`, async () => {
      for (const p of PAYLOADS) {
        await page.evaluate(() => delete window.__pwned);
        const shown = await runCode(make(p));
        assert.equal(await pwned(), undefined, `${kind} ran ${p}`);
        const injected = await cell.locator('.cell-outputs img, .cell-outputs script, .cell-outputs iframe, .cell-outputs svg[onload], .cell-outputs a[href^="javascript:"], .cell-outputs [onerror], .cell-outputs [onload]').count();
        assert.equal(injected, 0, `${kind}: ${p} became markup`);
        if (!kind.startsWith('a chart')) assert.ok(shown.includes(p.slice(0, 12)), `${kind}: the text of ${p} is not shown: ${shown.slice(0, 200)}`);
      }
      tried += PAYLOADS.length - 1; // each payload is one attack
      blocked += PAYLOADS.length - 1;
    });
  }
  it('no CSP violation was needed to stop them (the reader escapes them itself)', () => {
    assert.deepEqual(violations.filter((v) => v.directive.startsWith('script')), []);
  });
});
