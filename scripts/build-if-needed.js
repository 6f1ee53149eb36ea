#!/usr/bin/env node
// `npm start` on a fresh clone builds first; later starts skip a build unless a source changed:
// the API (dist/), the client package (client/dist/) and the web console (web/dist/) each
// against their own sources. `npm test` runs this first, so a type error in any fails it.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestMtime(path) {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(path)) {
    if (name === 'results' || name === 'dist') continue; // outputs, not sources
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

function isStale(output, sources) {
  const existing = sources.map((source) => join(root, source)).filter(existsSync);
  const target = join(root, output);
  return !existsSync(target) || Math.max(...existing.map(newestMtime)) > statSync(target).mtimeMs;
}

if (isStale('dist/src/main.js', ['src', 'migrations', 'bench'])) {
  process.stderr.write('Building Parkline...\n');
  execSync('npx nest build', { cwd: root, stdio: 'inherit' });
}
if (isStale('client/dist/src/index.js', ['client', 'openapi.json'])) {
  process.stderr.write('Building the client package...\n');
  execSync('npm run build:client', { cwd: root, stdio: 'inherit' });
}
if (isStale('web/dist/index.html', ['web', 'client/src', 'openapi.json'])) {
  process.stderr.write('Building the web console...\n');
  execSync('npm run build:web', { cwd: root, stdio: 'inherit' });
}
