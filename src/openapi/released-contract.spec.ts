import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatBreakingChanges, OpenApiJson, unannouncedBreakingChanges } from './breaking-changes';

const ROOT = join(__dirname, '..', '..');
const RELEASES = join(ROOT, 'docs', 'api', 'releases');

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as OpenApiJson;

/** The snapshot of the highest released version (`npm run openapi:release` writes them). */
function lastRelease(): { file: string; spec: OpenApiJson } {
  const versions = readdirSync(RELEASES)
    .map((name) => /^openapi-(\d+)\.(\d+)\.(\d+)\.json$/.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort(
      (a, b) =>
        Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]),
    );
  const latest = versions.at(-1);
  if (!latest) throw new Error(`No released contract in ${RELEASES}`);
  return { file: latest[0], spec: readJson(join(RELEASES, latest[0])) };
}

describe('the committed openapi.json against the last release (docs/versioning.md)', () => {
  it('makes no breaking change that was not announced by a deprecation or a major version', () => {
    const released = lastRelease();
    const changes = unannouncedBreakingChanges(
      released.spec,
      readJson(join(ROOT, 'openapi.json')),
      new Date(),
    );
    // Each line names an operation and what changed for its clients.
    expect({ against: released.file, breakingChanges: formatBreakingChanges(changes) }).toEqual({
      against: released.file,
      breakingChanges: [],
    });
  });
});
