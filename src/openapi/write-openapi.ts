import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { buildAsyncApiDocument } from '../webhooks/webhook-asyncapi';
import { buildOpenApiDocument } from './openapi';

const root = join(__dirname, '..', '..', '..');

function writeDocument(file: string, document: unknown): void {
  const target = join(root, file);
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  process.stdout.write(`Wrote ${target}\n`);
}

/**
 * `npm run openapi`: writes openapi.json, and asyncapi.json (the webhook events), without
 * connecting to PostgreSQL or Redis.
 */
async function writeOpenApi(): Promise<void> {
  const app = await createApp(loadConfig({ APP_ROLE: 'api', LOG_LEVEL: 'warn' }), {
    preview: true,
  });
  writeDocument('openapi.json', buildOpenApiDocument(app));
  writeDocument('asyncapi.json', buildAsyncApiDocument());
  await app.close();
}

writeOpenApi().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
