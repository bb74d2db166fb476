#!/usr/bin/env node
// Installs what `npm test`, `npm run demo` and `npm run bench` need on a fresh machine, using only Node's
// built-ins (nothing else is installed yet): the npm packages when node_modules is missing or older than
// the lockfile, and Debian's Chromium when it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

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

if (!existsSync(chromium)) {
  if (process.getuid?.() !== 0) {
    console.error(`setup: ${chromium} is missing. Install Debian's Chromium (sudo apt-get install chromium) or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
}
