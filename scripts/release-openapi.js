#!/usr/bin/env node
// `npm run openapi:release`: records the committed openapi.json as the released contract of its
// info.version, the baseline the breaking-change check compares with (docs/versioning.md).
const { copyFileSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const spec = join(root, 'openapi.json');
const { version } = JSON.parse(readFileSync(spec, 'utf8')).info;
const target = join(root, 'docs', 'api', 'releases', `openapi-${version}.json`);
copyFileSync(spec, target);
process.stdout.write(`Released ${relative(root, spec)} as ${relative(root, target)}\n`);
