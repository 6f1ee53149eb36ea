import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
// The linters run offline and quietly: no usage reports, no update checks.
const ENV = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };

/** Runs a linter that prints JSON, whatever its exit code says about the findings. */
async function lint(bin: string, args: string[]): Promise<string> {
  try {
    return (await run(join(BIN, bin), args, { cwd: ROOT, env: ENV })).stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (!stdout) throw new Error(`${bin} failed: ${stderr}`);
    return stdout;
  }
}

describe('the committed openapi.json, linted as integrators lint it', () => {
  it('has no error or warning under Redocly (recommended, redocly.yaml)', async () => {
    const report = JSON.parse(await lint('redocly', ['lint', 'openapi.json', '--format=json'])) as {
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map(
      (problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`,
    );
    expect(problems).toEqual([]);
  });

  it('has no error or warning under Spectral (spectral:oas, .spectral.yaml)', async () => {
    const results = JSON.parse(
      await lint('spectral', ['lint', 'openapi.json', '--format=json', '--quiet']),
    ) as { code: string; message: string; path: string[] }[];
    const problems = results.map(
      (result) => `${result.code}: ${result.message} at ${result.path.join('/')}`,
    );
    expect(problems).toEqual([]);
  });
});
