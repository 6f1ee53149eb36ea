import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/app-config';
import { buildOpenApiDocument } from './openapi';

/** `npm run openapi`: writes openapi.json without connecting to PostgreSQL or Redis. */
async function writeOpenApi(): Promise<void> {
  const app = await createApp(loadConfig({ APP_ROLE: 'api', LOG_LEVEL: 'warn' }), {
    preview: true,
  });
  const document = buildOpenApiDocument(app);
  const target = join(__dirname, '..', '..', '..', 'openapi.json');
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
  process.stdout.write(`Wrote ${target}\n`);
}

writeOpenApi().catch((error: Error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
