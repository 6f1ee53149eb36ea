#!/usr/bin/env node
// `npm start` on a fresh clone builds first; later starts skip the build unless a source changed.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'results') continue; // benchmark output, not a source
    const path = join(dir, name);
    const stats = statSync(path);
    newest = Math.max(newest, stats.isDirectory() ? newestMtime(path) : stats.mtimeMs);
  }
  return newest;
}

const sources = ['src', 'migrations', 'bench'].map((dir) => join(root, dir)).filter(existsSync);
const stale =
  !existsSync(entry) || Math.max(...sources.map(newestMtime)) > statSync(entry).mtimeMs;
if (stale) {
  process.stderr.write('Building Parkline...\n');
  execSync('npx nest build', { cwd: root, stdio: 'inherit' });
}
