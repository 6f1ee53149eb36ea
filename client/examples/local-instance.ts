/**
 * What every example needs to run against a local instance (`npm run sandbox`, or `npm start`
 * with `npm run seed:demo`), read from the environment:
 *
 * - `PARKLINE_URL`: the server's origin (default http://localhost:3000);
 * - `PARKLINE_API_KEY` and `PARKLINE_ENTERPRISE_ID`: an integrator's key and the verified
 *   enterprise it is bound to (the sandbox prints both), or instead
 * - `PARKLINE_EMAIL` and `PARKLINE_PASSWORD`: a person of a verified enterprise.
 *
 * The park's side signs in as the demo park's officers and hospital users.
 */
import { createParklineClient, unwrap, type ParklineClient } from '../src';
import { DEMO_PARK_ACCOUNTS, ParkSide, signIn } from './park-side';

export interface ExampleOptions {
  /** The server's origin, such as http://localhost:3000. */
  baseUrl: string;
  /** The enterprise's side: a client with an integrator's API key, or a person signed in. */
  enterprise: ParklineClient;
  enterpriseId: string;
  /** Acts for the officers and hospitals the example waits on. */
  park: ParkSide;
  log?: (line: string) => void;
}

async function optionsFromEnvironment(env: NodeJS.ProcessEnv): Promise<ExampleOptions> {
  const baseUrl = env.PARKLINE_URL ?? 'http://localhost:3000';
  const log = (line: string) => console.log(line);
  const park = new ParkSide(baseUrl, DEMO_PARK_ACCOUNTS, log);
  if (env.PARKLINE_API_KEY) {
    if (!env.PARKLINE_ENTERPRISE_ID) {
      throw new Error('PARKLINE_API_KEY needs PARKLINE_ENTERPRISE_ID: the enterprise it acts for');
    }
    const enterprise = createParklineClient({ baseUrl, apiKey: env.PARKLINE_API_KEY });
    return { baseUrl, enterprise, enterpriseId: env.PARKLINE_ENTERPRISE_ID, park, log };
  }
  if (env.PARKLINE_EMAIL && env.PARKLINE_PASSWORD) {
    const enterprise = await signIn(baseUrl, env.PARKLINE_EMAIL, env.PARKLINE_PASSWORD);
    const me = unwrap(await enterprise.GET('/api/v1/me'));
    if (!me.enterprise) throw new Error(`${env.PARKLINE_EMAIL} belongs to no enterprise`);
    return { baseUrl, enterprise, enterpriseId: me.enterprise.id, park, log };
  }
  throw new Error(
    'Set PARKLINE_API_KEY and PARKLINE_ENTERPRISE_ID (printed by `npm run sandbox`), ' +
      'or PARKLINE_EMAIL and PARKLINE_PASSWORD',
  );
}

/** Runs an example as a program: prints each step, then its result, or the error. */
export function runExample<Result>(example: (options: ExampleOptions) => Promise<Result>): void {
  optionsFromEnvironment(process.env)
    .then(example)
    .then(
      (result) => console.log(JSON.stringify(result, null, 2)),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
}
