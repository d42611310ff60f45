// Makes a fresh clone runnable with one command: installs the npm dependencies when they are
// missing and Debian's Chromium when /usr/bin/chromium is absent. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
export const CHROMIUM = process.env.CLEARLINE_CHROMIUM ?? '/usr/bin/chromium';

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
