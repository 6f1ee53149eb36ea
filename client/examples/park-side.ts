/**
 * The other side of each example: the park's officers and the hospitals, who act on what the
 * enterprise files. An integrator never runs this against a real park; on a local instance it
 * signs in as the demo accounts so that an example runs from filing to its outcome.
 */
import { createParklineClient, unwrap, type components, type ParklineClient } from '../src';
import { poll } from './filing';

export interface Credentials {
  email: string;
  password: string;
}

export type StaffRole = 'OFFICER' | 'DEPARTMENT_HEAD';

export type TaskAction = components['schemas']['CompleteTaskInput']['action'];

/** Whose accounts act for the park and its hospitals. */
export interface ParkAccounts {
  staff(departmentCode: string, role: StaffRole): Promise<Credentials>;
  /** A user of the GCP office of the trial institution. */
  institutionUser(institution: { id: string; code: string }): Promise<Credentials>;
}

/** The password of every staff account of the demo park (`npm run seed:demo`, `npm run sandbox`). */
const DEMO_OFFICER_PASSWORD = 'Demo-Officer-2026';
const DEMO_PARTNER_PASSWORD = 'Demo-Partner-2026';

/** The accounts the demo park seeds: `mpa.officer1@parkline.local`, `mpa.head@parkline.local`, … */
export const DEMO_PARK_ACCOUNTS: ParkAccounts = {
  staff: async (departmentCode, role) => ({
    email: `${departmentCode.toLowerCase()}.${role === 'OFFICER' ? 'officer1' : 'head'}@parkline.local`,
    password: DEMO_OFFICER_PASSWORD,
  }),
  institutionUser: async ({ code }) => ({
    email: `gcp1.${code.toLowerCase().replace(/_/g, '-')}@hospitals.demo.parkline.cn`,
    password: DEMO_PARTNER_PASSWORD,
  }),
};

export class ParkSide {
  private readonly sessions = new Map<string, Promise<ParklineClient>>();

  constructor(
    private readonly baseUrl: string,
    private readonly accounts: ParkAccounts,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /**
   * Waits for the application's task at `stage` in the department's queue, then claims and
   * completes it with `action`, as the department's officer or head.
   */
  async completeTask(
    applicationId: string,
    departmentCode: string,
    role: StaffRole,
    stage: string,
    action: TaskAction,
    details: { comment?: string; data?: Record<string, unknown> } = {},
  ): Promise<void> {
    const api = await this.signedIn(await this.accounts.staff(departmentCode, role));
    const task = await poll(`the ${stage} task`, () => this.openTask(api, applicationId, stage));
    const path = { params: { path: { id: task.id } } };
    unwrap(await api.POST('/api/v1/tasks/{id}/claim', path));
    unwrap(
      await api.POST('/api/v1/tasks/{id}/complete', { ...path, body: { action, ...details } }),
    );
    this.log(
      `  ${departmentCode} ${role === 'OFFICER' ? 'officer' : 'head'}: ${stage} → ${action}`,
    );
  }

  /** The hospital the trial was offered to accepts it, seen through the liaison department. */
  async acceptDocking(applicationId: string, departmentCode: string, comment: string) {
    const liaison = await this.signedIn(await this.accounts.staff(departmentCode, 'OFFICER'));
    const offer = await poll('the docking offer', async () => {
      const page = unwrap(
        await liaison.GET('/api/v1/dockings', {
          params: { query: { status: 'OFFERED', limit: 100 } },
        }),
      );
      return page.data.find((docking) => docking.applicationId === applicationId);
    });
    const institution = unwrap(
      await liaison.GET('/api/v1/institutions/{id}', {
        params: { path: { id: offer.institutionId } },
      }),
    );
    const hospital = await this.signedIn(await this.accounts.institutionUser(institution));
    unwrap(
      await hospital.POST('/api/v1/dockings/{id}/accept', {
        params: { path: { id: offer.id } },
        body: { comment },
      }),
    );
    this.log(`  ${institution.name}: accepted the trial`);
  }

  /** Pages through the caller's queue (ordered by due date) for the application's task. */
  private async openTask(api: ParklineClient, applicationId: string, stage: string) {
    let cursor: string | undefined;
    do {
      const page = unwrap(
        await api.GET('/api/v1/tasks', { params: { query: { limit: 100, cursor } } }),
      );
      const task = page.data.find(
        (candidate) => candidate.applicationId === applicationId && candidate.stage === stage,
      );
      if (task) return task;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return undefined;
  }

  private signedIn({ email, password }: Credentials): Promise<ParklineClient> {
    let session = this.sessions.get(email);
    if (!session) {
      session = signIn(this.baseUrl, email, password);
      this.sessions.set(email, session);
    }
    return session;
  }
}

/** A client for a person: signs in once and sends the access token on every call. */
export async function signIn(
  baseUrl: string,
  email: string,
  password: string,
): Promise<ParklineClient> {
  const session = unwrap(
    await createParklineClient({ baseUrl }).POST('/api/v1/auth/login', {
      body: { email, password },
    }),
  );
  return createParklineClient({ baseUrl, accessToken: session.accessToken });
}
