import { AddressInfo, isIPv6 } from 'node:net';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { API_PREFIX, createApp } from './bootstrap';
import { consoleIsBuilt } from './console/serve-console';

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

/** Where this machine reaches the listening server. */
function listenUrl({ address, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://localhost:${port}`;
  return `http://${isIPv6(address) ? `[${address}]` : address}:${port}`;
}

/** The one line that says the process is ready and where to open it. */
export function readyLine(config: AppConfig, address: AddressInfo): string {
  const base = listenUrl(address);
  const publicBase = config.PUBLIC_BASE_URL.replace(/\/$/, '');
  const reachedAs = publicBase === base ? '' : ` (public address ${publicBase})`;
  if (!config.runsApi)
    return `Parkline worker ready: ${base}/health, ${base}/health/ready and ${base}/metrics${reachedAs}`;
  const webConsole = consoleIsBuilt() ? `${base}/` : 'not built (npm run build:web)';
  return `Parkline ready: API ${base}/${API_PREFIX}, docs ${base}/docs, console ${webConsole}${reachedAs}`;
}

export async function start(config: AppConfig): Promise<void> {
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  new Logger('Parkline').log(readyLine(config, app.getHttpServer().address() as AddressInfo));
}

if (require.main === module) {
  start(loadConfigOrExit()).catch((error: Error) => {
    process.stderr.write(`Parkline failed to start: ${error.message}\n`);
    process.exit(1);
  });
}
