import { loadConfigOrExit, start } from './main';

/** Worker entry point: consumes jobs and relays the outbox; serves only /health and /metrics. */
start(loadConfigOrExit({ APP_ROLE: 'worker' })).catch((error: Error) => {
  process.stderr.write(`Parkline worker failed to start: ${error.message}\n`);
  process.exit(1);
});
