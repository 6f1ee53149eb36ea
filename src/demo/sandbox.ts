import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiKeysService } from '../api-keys/api-keys.service';
import type { CreatedApiKeyDto } from '../api-keys/dto/api-key.dto';
import type { UserPrincipal } from '../common/auth/principal';
import { API_KEY_SCOPES } from '../common/auth/roles';
import { AppConfig } from '../config/app-config';
import { APPLICATION_STATUSES } from '../workflow/workflow-engine';
import { loadConfigOrExit } from '../main';
import { createApp } from '../bootstrap';
import { DEMO_ENTERPRISE_PASSWORD, DEMO_OFFICER_PASSWORD, seedDemo } from './seed-demo';

/** The name of the key the sandbox hands out; each run replaces the one before. */
export const SANDBOX_KEY_NAME = 'Sandbox integrator';

/** A small park: seeded in seconds, yet every queue and list has pages. */
const SANDBOX_PARK = { enterprises: 40, applications: 2_000, seed: 1 };

export interface Sandbox {
  /** The new key, readable this once: only its hash is kept. */
  key: CreatedApiKeyDto;
  enterprise: { id: string; name: string; adminEmail: string };
  /** Whether this run seeded the demo park (the first run on a database). */
  seeded: boolean;
  /** The enterprise's applications by status. */
  applicationsByStatus: Record<string, number>;
}

/**
 * Makes the database of a running app an integrator's sandbox: on the first run the demo park,
 * with one application in every status for the enterprise verified first; on every run a new
 * key with all scopes bound to that enterprise, revoking the previous sandbox key.
 */
export async function prepareSandbox(app: INestApplication, config: AppConfig): Promise<Sandbox> {
  const dataSource = app.get(DataSource);
  const [previous]: { enterprise_id: string }[] = await dataSource.query(
    `SELECT enterprise_ids[1] AS enterprise_id FROM api_keys WHERE name = $1
     ORDER BY created_at DESC LIMIT 1`,
    [SANDBOX_KEY_NAME],
  );
  let enterpriseId = previous?.enterprise_id;
  const seeded = !enterpriseId;
  if (!enterpriseId) {
    const summary = await seedDemo(config, { ...SANDBOX_PARK, showcase: true });
    enterpriseId = summary.showcaseEnterpriseId!;
  }

  const admin = await firstAdmin(dataSource, config.ADMIN_EMAIL);
  const keys = app.get(ApiKeysService);
  const active: { id: string }[] = await dataSource.query(
    `SELECT id FROM api_keys WHERE name = $1 AND revoked_at IS NULL`,
    [SANDBOX_KEY_NAME],
  );
  for (const { id } of active) await keys.revokeApiKey(admin, id);
  const key = await keys.createApiKey(admin, {
    name: SANDBOX_KEY_NAME,
    scopes: [...API_KEY_SCOPES],
    enterpriseIds: [enterpriseId],
  });

  const [enterprise]: { name: string; admin_email: string }[] = await dataSource.query(
    `SELECT e.name, u.email AS admin_email FROM enterprises e
     JOIN users u ON u.enterprise_id = e.id AND u.role = 'ENTERPRISE_ADMIN'
     WHERE e.id = $1 ORDER BY u.created_at LIMIT 1`,
    [enterpriseId],
  );
  const statuses: { status: string; count: number }[] = await dataSource.query(
    `SELECT status, count(*)::int AS count FROM applications WHERE enterprise_id = $1
     GROUP BY status ORDER BY array_position($2::text[], status)`,
    [enterpriseId, APPLICATION_STATUSES],
  );
  return {
    key,
    enterprise: { id: enterpriseId, name: enterprise.name, adminEmail: enterprise.admin_email },
    seeded,
    applicationsByStatus: Object.fromEntries(statuses.map((row) => [row.status, row.count])),
  };
}

/** The admin the configuration bootstraps, who issues and revokes the sandbox's keys. */
async function firstAdmin(dataSource: DataSource, email: string): Promise<UserPrincipal> {
  const [row]: { id: string }[] = await dataSource.query(
    `SELECT id FROM users WHERE lower(email) = lower($1) AND role = 'ADMIN'`,
    [email],
  );
  if (!row) throw new Error(`The first admin ${email} (ADMIN_EMAIL) does not exist`);
  return {
    kind: 'user',
    id: row.id,
    role: 'ADMIN',
    enterpriseId: null,
    departmentCode: null,
    providerId: null,
    institutionId: null,
  };
}

/** What an integrator reads when the sandbox is up: the key, once, and the first call to make. */
export function sandboxGreeting(sandbox: Sandbox, config: AppConfig): string {
  const baseUrl = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  const statuses = Object.entries(sandbox.applicationsByStatus)
    .map(([status, count]) => `${count} ${status}`)
    .join(', ');
  return [
    '',
    `Parkline sandbox at ${baseUrl} (API documentation: ${baseUrl}/docs)`,
    '',
    `API key (shown once; \`npm run sandbox\` again issues a new one and revokes this):`,
    `  ${sandbox.key.key}`,
    `  scopes: ${sandbox.key.scopes.join(', ')}`,
    `  bound to: ${sandbox.enterprise.name} (verified), enterpriseId ${sandbox.enterprise.id}`,
    `  its applications: ${statuses}`,
    '',
    'Call first:',
    `  curl -H 'X-API-Key: ${sandbox.key.key}' '${baseUrl}/api/v1/applications?limit=5'`,
    '',
    'Run the client examples against it:',
    `  export PARKLINE_URL=${baseUrl} PARKLINE_API_KEY=${sandbox.key.key} PARKLINE_ENTERPRISE_ID=${sandbox.enterprise.id}`,
    '  npm run example:licence   # or example:special-biologics, example:clinical-trial',
    '',
    `People: ${sandbox.enterprise.adminEmail} / ${DEMO_ENTERPRISE_PASSWORD} (the enterprise), ` +
      `mpa.officer1@parkline.local / ${DEMO_OFFICER_PASSWORD} (an officer), ` +
      `${config.ADMIN_EMAIL} (the admin)`,
    '',
  ].join('\n');
}

/** `npm run sandbox`: the platform on the configured database, with the sandbox prepared. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApp(config);
  const sandbox = await prepareSandbox(app, config);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(sandboxGreeting(sandbox, config));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`sandbox: ${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  });
}
