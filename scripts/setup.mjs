#!/usr/bin/env node
// Installs what `npm test`, `npm run demo` and `npm run bench` need on a fresh machine, using only Node's
// built-ins (nothing else is installed yet): the npm packages when node_modules is missing or older than
// the lockfile, and the Debian browsers asked for (`--firefox` adds firefox-esr to chromium) when missing.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browsers = [{ path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', pkg: 'chromium' }];
if (process.argv.includes('--firefox')) browsers.push({ path: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr', pkg: 'firefox-esr' });

function run(command, args) {
  console.log(`setup: ${command} ${args.join(' ')}`);
  execFileSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function packagesAreCurrent() {
  // npm rewrites node_modules/.package-lock.json on every install; older than the lockfile means stale.
  const installed = join(root, 'node_modules', '.package-lock.json');
  return existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs;
}

if (!packagesAreCurrent()) run('npm', ['ci']);

const missing = browsers.filter((browser) => !existsSync(browser.path));
if (missing.length > 0) {
  const packages = missing.map((browser) => browser.pkg);
  if (process.getuid?.() !== 0) {
    console.error(`setup: ${missing.map((b) => b.path).join(', ')} missing. Install them (sudo apt-get install ${packages.join(' ')}).`);
    process.exit(1);
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...packages]);
}
