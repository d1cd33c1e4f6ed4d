// Debian's Chromium for the browser tests, driven by playwright-core: where it is, whether it is
// installed (the tests say clearly when they are skipped), and how it is launched.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Says once, for a test file, that it is skipped without Chromium. */
export function warnIfNoChromium(what: string): void {
  if (!hasChromium) console.warn(`Chromium not found at ${CHROMIUM}: ${what} is SKIPPED (apt-get install chromium; CI installs it).`);
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // Root in CI needs --no-sandbox; the rest keeps Chromium off the (closed) network.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}
