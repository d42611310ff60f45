// Makes a fresh clone runnable with one command: installs the npm dependencies when they are
// missing, Debian's Chromium when /usr/bin/chromium is absent and Debian's firefox-esr when it is
// absent or older than the build supports. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CHROMIUM = process.env.CLEARLINE_CHROMIUM ?? '/usr/bin/chromium';
export const FIREFOX = process.env.CLEARLINE_FIREFOX ?? '/usr/bin/firefox-esr';
/** The Firefox build's strict_min_version (wxt.config.ts). */
export const FIREFOX_MIN = 142;

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

export function ensureDependencies() {
  if (existsSync(path.join(ROOT, 'node_modules', '.bin', 'wxt')) && existsSync(path.join(ROOT, 'node_modules', 'tsx'))) return;
  console.log('» Installing npm dependencies (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) throw new Error('npm ci failed; see the output above.');
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : ['sudo'];
  console.log(`» ${CHROMIUM} is missing: installing Debian's chromium package…`);
  const update = run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(root ? [] : ['apt-get']), 'update'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const install = update === 0 ? run(sudo[0] ?? 'apt-get', [...(root ? [] : ['apt-get']), 'install', '-y', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }) : 1;
  if (install !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(`Could not install Chromium. Install it with "apt-get install -y chromium" or set CLEARLINE_CHROMIUM to a Chromium binary.`);
  }
}

/** Major version of the Firefox at FIREFOX, or 0 when there is none. */
export function firefoxMajor() {
  const res = spawnSync(FIREFOX, ['--version'], { encoding: 'utf8' });
  const m = /(\d+)\.\d+/.exec(res.stdout ?? '');
  return m ? Number(m[1]) : 0;
}

/**
 * Debian's firefox-esr, at least FIREFOX_MIN. Bookworm's own archive has 140; bookworm-security has
 * newer ESRs, so the install falls back to it.
 */
export function ensureFirefox() {
  if (firefoxMajor() >= FIREFOX_MIN) return;
  if (process.env.CLEARLINE_FIREFOX) throw new Error(`${FIREFOX} is missing or older than Firefox ${FIREFOX_MIN}.`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = (args) => run(root ? 'apt-get' : 'sudo', [...(root ? [] : ['apt-get']), ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  console.log(`» ${FIREFOX} is missing or older than ${FIREFOX_MIN}: installing Debian's firefox-esr…`);
  if (apt(['update']) === 0) {
    apt(['install', '-y', 'firefox-esr']);
    if (firefoxMajor() < FIREFOX_MIN) apt(['install', '-y', '-t', 'bookworm-security', 'firefox-esr']);
  }
  if (firefoxMajor() < FIREFOX_MIN) {
    throw new Error(`Could not install firefox-esr ${FIREFOX_MIN} or newer (try "apt-get install -t bookworm-security firefox-esr"), or set CLEARLINE_FIREFOX.`);
  }
}
