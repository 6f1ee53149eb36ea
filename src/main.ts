import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { createApp } from './bootstrap';

/** Reads the configuration or exits with one line per setting that is wrong. */
export function loadConfigOrExit(
  overrides: Partial<Record<keyof AppConfig, string>> = {},
): AppConfig {
  try {
    return loadConfig({ ...process.env, ...overrides });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

export async function start(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
}

if (require.main === module) {
  start(loadConfigOrExit()).catch((error: Error) => {
    process.stderr.write(`Parkline failed to start: ${error.message}\n`);
    process.exit(1);
  });
}
