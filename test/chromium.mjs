// Debian's headless Chromium, as every browser test launches it (the e2e and reliability tests,
// the library's unit tests in the browser, the WASM build check), with the flags of
// ../shared/DESIGN.md. `--headless` comes from Playwright's `headless: true`.

/** The browser binary: Debian's, unless CHROMIUM_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
  '--enable-unsafe-swiftshader',
];
