import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

describe('the client package', () => {
  it('carries the types openapi-typescript generates from the committed openapi.json', async () => {
    // The command and options of `npm run client:generate`; --check compares in memory.
    const upToDate = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'client:generate', '--', '--check'],
      { cwd: root },
    ).then(
      () => true,
      () => false,
    );
    if (!upToDate) {
      throw new Error(
        'client/src/generated/schema.ts is out of date with openapi.json: run ' +
          '`npm run client:generate` and commit client/src/generated/schema.ts',
      );
    }
  }, 60_000);

  it('is versioned as the API it describes', () => {
    expect(readJson('client/package.json').version).toBe(readJson('openapi.json').info.version);
  });
});
