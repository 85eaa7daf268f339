#!/usr/bin/env node
// Entry of every npm script: makes a fresh clone ready on first use, then runs the command
// in this same process (so Ctrl-C reaches exactly one kring process).
//   node launcher/bootstrap.js start|worker|api|test [args…]
// Plain JavaScript with no dependencies: it runs before anything is installed.
'use strict';
const { spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MODULES = path.join(ROOT, 'node_modules');

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 3)) {
  fail(`kring needs Node.js 20.3 or newer; this is ${process.version}.`);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function fingerprint(files) {
  const hash = crypto.createHash('sha256');
  for (const file of files) {
    const full = path.join(ROOT, file);
    hash.update(file).update(fs.existsSync(full) ? fs.readFileSync(full) : '');
  }
  return hash.digest('hex');
}

/** Runs `step` unless the stamp says it already ran for exactly these inputs. */
function once(stampName, inputs, step) {
  const stamp = path.join(MODULES, `.kring-${stampName}`);
  const want = fingerprint(inputs);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === want) return;
  step();
  fs.writeFileSync(stamp, want);
}

function run(command, args, env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${args.join(' ')} failed (exit ${result.status}).`);
}

const npm = process.env.npm_execpath
  ? [process.execPath, [process.env.npm_execpath]]
  : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];

once('installed', ['package.json', 'package-lock.json'], () => {
  console.log('Installing dependencies (first run, or package files changed) …');
  // `npm install` honours package-lock.json. Not `npm ci`: it insists on lock entries for
  // every platform's optional binaries, which a registry mirror may not carry.
  run(npm[0], [...npm[1], 'install', '--no-audit', '--no-fund'], { npm_config_update_notifier: 'false' });
});

once('prisma-client', ['prisma/schema.prisma', 'package-lock.json'], () => {
  run(process.execPath, [path.join(MODULES, 'prisma', 'build', 'index.js'), 'generate'], { CHECKPOINT_DISABLE: '1' });
});

const [command, ...args] = process.argv.slice(2);
const typescriptEntries = {
  start: 'launcher/start.ts',
  worker: 'worker/main.ts',
  api: 'api/main.ts',
  provision: 'launcher/provision.ts',
  build: 'launcher/build.ts',
  migration: 'launcher/new-migration.ts',
  users: 'launcher/users.ts',
  bench: 'bench/main.ts',
};

if (command === 'test') {
  // jest reads process.argv itself.
  process.argv = [process.argv[0], 'jest', ...args];
  require('jest').run(args);
} else if (typescriptEntries[command]) {
  const entry = path.join(ROOT, typescriptEntries[command]);
  // The entry sees its own arguments, as if run directly.
  process.argv = [process.argv[0], entry, ...args];
  require('tsx/cjs/api').register();
  require(entry);
} else {
  fail(`usage: node launcher/bootstrap.js ${[...Object.keys(typescriptEntries), 'test'].join('|')} [args…]`);
}
