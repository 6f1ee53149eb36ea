#!/usr/bin/env node
// `npm run fuzz [-- --runs N --seed S]`: the fuzz suite for longer, on a random seed unless given.
// The seed is printed first, so a failure can be replayed with `--seed`.
const { spawnSync } = require('node:child_process');
const { randomInt } = require('node:crypto');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const seed = option('seed', String(randomInt(2 ** 31)));
const runs = option('runs', '200');
process.stdout.write(`Fuzzing with seed ${seed}, ${runs} requests per operation\n`);
const result = spawnSync('npx', ['jest', 'test/fuzz.e2e-spec.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SEED: seed, FUZZ_RUNS: runs },
});
if (result.status !== 0)
  process.stdout.write(`Failed with seed ${seed}: npm run fuzz -- --seed ${seed} --runs ${runs}\n`);
process.exit(result.status ?? 1);
