// How papermap drives a browser, for the browser tests and the browser benchmark alike: Debian's Chromium
// (playwright-core never downloads one), headless, with software WebGL. Not `--disable-gpu`: that turns
// WebGL off and leaves sigma a blank page.
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
