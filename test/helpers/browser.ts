import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium (`apt-get install -y chromium fonts-wqy-microhei`: without the font Chinese shows as boxes); .ci/run installs both when missing. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);

export const ARTIFACTS = path.join(__dirname, '..', 'artifacts');

/** Says loudly, once per suite, that browser tests did not run here, and why. */
export function warnNoChromium(suite: string): void {
  const line = '!'.repeat(100);
  console.warn(`${line}\n!! ${suite}: SKIPPED — no Chromium at ${CHROMIUM_PATH}.\n!! Install it with \`apt-get install -y chromium fonts-wqy-microhei\` (README, "What the browser tests need"; CI does: .ci/run), or set CHROMIUM_PATH.\n${line}`);
}

/** Headless Chromium on a new, empty profile that is removed on close. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jx-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1920, height: 1080 },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
