// Debian's Chromium through playwright-core (no browser download), with the flags build.sh
// and webdriver.json use, and optionally every request for another host sent through a
// recording proxy on 127.0.0.1 (see server.mjs).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FLAGS = (
  process.env.CHROMIUM_FLAGS ||
  '--no-sandbox --headless=new --disable-gpu --disable-background-networking ' +
    '--disable-component-update --no-first-run --disable-dev-shm-usage'
)
  .split(/\s+/)
  .filter(Boolean);

export async function launchChromium({ proxyPort, args = [] } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: ./build.sh test installs Debian's chromium`);
  }
  const proxy = proxyPort ? [`--proxy-server=http://127.0.0.1:${proxyPort}`] : [];
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...proxy, ...args], headless: true });
}
