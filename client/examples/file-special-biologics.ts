/**
 * Files an entry health-quarantine approval for a class D biological product
 * (SPECIAL_ARTICLE_ENTRY) from registration to a publicly verified certificate, playing every
 * part: the enterprise, the park admin and the customs department head.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createParklineClient, unwrap, type components, type ParklineClient } from '../src';

const SERVICE_CODE = 'SPECIAL_ARTICLE_ENTRY';
const POLL_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 200;

/** Characters of a unified social credit code (GB 32100-2015): no I, O, S, V or Z. */
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The smallest document the platform recognises as a PDF by its content. */
const MINIMAL_PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

export interface SpecialBiologicsExampleOptions {
  /** The server's origin, such as http://localhost:3000. */
  baseUrl: string;
  adminEmail: string;
  adminPassword: string;
  log?: (line: string) => void;
}

export interface SpecialBiologicsExampleResult {
  applicationId: string;
  status: string;
  certificateNumber: string;
}

export async function runSpecialBiologicsExample(
  options: SpecialBiologicsExampleOptions,
): Promise<SpecialBiologicsExampleResult> {
  const { baseUrl, log = () => undefined } = options;
  const publicApi = createParklineClient({ baseUrl });

  const registration = unwrap(
    await publicApi.POST('/api/v1/auth/register', { body: newRegistration() }),
  );
  const enterprise = registration.enterprise;
  const enterpriseApi = createParklineClient({ baseUrl, accessToken: registration.accessToken });
  log(`Registered ${enterprise.name} (credit code ${enterprise.creditCode})`);

  const adminApi = await signIn(baseUrl, options.adminEmail, options.adminPassword);
  const head = {
    email: `customs.head.${randomBytes(4).toString('hex')}@parkline.example`,
    password: 'Customs-Head-2026',
    name: '口岸卫生检疫处 负责人',
  };
  unwrap(
    await adminApi.POST('/api/v1/users', {
      body: { ...head, role: 'DEPARTMENT_HEAD', departmentCode: 'CUSTOMS' },
    }),
  );
  log(`Created CUSTOMS department head ${head.email}`);
  unwrap(
    await adminApi.POST('/api/v1/enterprises/{id}/verify', {
      params: { path: { id: enterprise.id } },
    }),
  );
  log(`Verified ${enterprise.name}`);

  const service = unwrap(
    await publicApi.GET('/api/v1/services/{code}', {
      params: { path: { code: SERVICE_CODE } },
    }),
  );
  const form = {
    ...exampleForm(service.formSchema),
    // Class D articles skip the biosafety evaluation and go straight to the head's decision.
    'article.riskClass': 'D',
    'article.category': 'BIOLOGICAL_PRODUCT',
  };
  const draft = unwrap(
    await enterpriseApi.POST('/api/v1/applications', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { serviceCode: SERVICE_CODE, form },
    }),
  );
  const applicationId = draft.id;
  log(`Drafted application ${draft.number} for ${service.nameEn}`);

  const checklist = unwrap(
    await enterpriseApi.GET('/api/v1/applications/{id}/checklist', {
      params: { path: { id: applicationId } },
    }),
  );
  for (const materialType of checklist.requiredMaterialTypes) {
    await uploadPdf(enterpriseApi, applicationId, materialType);
    log(`Uploaded ${materialType}.pdf`);
  }

  unwrap(
    await enterpriseApi.POST('/api/v1/applications/{id}/submit', {
      params: { path: { id: applicationId } },
      body: {},
    }),
  );
  log(`Submitted ${draft.number}`);

  const headApi = await signIn(baseUrl, head.email, head.password);
  const decisionTask = await poll('the decision task', async () => {
    const tasks = unwrap(await headApi.GET('/api/v1/tasks', { params: { query: { limit: 100 } } }));
    return tasks.data.find(
      (task) => task.applicationId === applicationId && task.stage === 'decision',
    );
  });
  const taskPath = { params: { path: { id: decisionTask.id } } };
  unwrap(await headApi.POST('/api/v1/tasks/{id}/claim', taskPath));
  unwrap(
    await headApi.POST('/api/v1/tasks/{id}/complete', {
      ...taskPath,
      body: { action: 'approve', comment: '单证齐全，风险等级 D，同意入境' },
    }),
  );
  log(`Approved ${draft.number} as the CUSTOMS department head`);

  const completed = await poll(`${draft.number} to complete`, async () => {
    const application = unwrap(
      await enterpriseApi.GET('/api/v1/applications/{id}', {
        params: { path: { id: applicationId } },
      }),
    );
    if (CLOSED_WITHOUT_CERTIFICATE.has(application.status)) {
      throw new Error(`${draft.number} ended ${application.status}`);
    }
    return application.status === 'COMPLETED' ? application : undefined;
  });
  log(`${draft.number} is ${completed.status}`);

  const certificate = unwrap(
    await enterpriseApi.GET('/api/v1/applications/{id}/certificate', {
      params: { path: { id: applicationId } },
    }),
  );
  log(`Certificate ${certificate.number} issued; verify at ${certificate.verifyUrl}`);

  const verification = unwrap(
    await publicApi.GET('/api/v1/certificates/{number}/verify', {
      params: {
        path: { number: certificate.number },
        query: { code: certificate.verificationCode },
      },
    }),
  );
  if (!verification.valid || verification.status !== 'VALID') {
    throw new Error(`Certificate ${certificate.number} verified as ${verification.status}`);
  }
  log(`Certificate ${certificate.number} verified publicly: ${verification.status}`);

  return { applicationId, status: completed.status, certificateNumber: certificate.number };
}

type ApplicationStatus = components['schemas']['ApplicationDto']['status'];

const CLOSED_WITHOUT_CERTIFICATE = new Set<ApplicationStatus>(['DENIED', 'REJECTED', 'WITHDRAWN']);

async function signIn(baseUrl: string, email: string, password: string) {
  const api = createParklineClient({ baseUrl });
  const session = unwrap(await api.POST('/api/v1/auth/login', { body: { email, password } }));
  return createParklineClient({ baseUrl, accessToken: session.accessToken });
}

function newRegistration(): components['schemas']['RegisterDto'] {
  const suffix = randomBytes(4).toString('hex');
  return {
    enterprise: {
      name: `苏州示例生物医药 ${suffix} 有限公司`,
      nameEn: `Suzhou Example Biopharma ${suffix} Co., Ltd.`,
      creditCode: newCreditCode(),
      sector: 'ANTIBODY_PROTEIN',
      zone: 'CGT-PARK',
    },
    admin: {
      email: `regulatory.${suffix}@example-biopharma.cn`,
      password: 'Example-Biopharma-2026',
      name: '李华',
    },
  };
}

/**
 * A random unified social credit code: registration authority 9 (industry and commerce),
 * type 1 (enterprise), region 320594 (Suzhou Industrial Park), a random organisation code, and
 * the GB 32100-2015 check character.
 */
function newCreditCode(): string {
  const organisationCode = Array.from(
    { length: 9 },
    () => CREDIT_CODE_ALPHABET[randomInt(CREDIT_CODE_ALPHABET.length)],
  ).join('');
  const first17 = `91320594${organisationCode}`;
  return first17 + creditCodeCheckCharacter(first17);
}

function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * (3 ** i % 31);
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Every form field at the first of its documented example values. */
function exampleForm(formSchema: Record<string, unknown>): Record<string, unknown> {
  // The document describes formSchema as an open object; it is a JSON Schema.
  const { properties = {} } = formSchema as {
    properties?: Record<string, { examples?: unknown[] }>;
  };
  return Object.fromEntries(
    Object.entries(properties).map(([field, property]) => [field, property.examples?.[0]]),
  );
}

async function uploadPdf(api: ParklineClient, applicationId: string, materialType: string) {
  const file = new File([MINIMAL_PDF], `${materialType}.pdf`, { type: 'application/pdf' });
  return unwrap(
    await api.POST('/api/v1/applications/{id}/materials', {
      params: { path: { id: applicationId } },
      // The generated types describe a binary part as a string; at runtime it is the File.
      body: { materialType, file: file as unknown as string },
      bodySerializer: (fields) => {
        // Field order matters: the server reads materialType to check the file that follows.
        const multipart = new FormData();
        for (const [name, value] of Object.entries(fields)) multipart.append(name, value);
        return multipart;
      },
    }),
  );
}

async function poll<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + POLL_TIMEOUT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) {
      throw new Error(`Timed out after ${POLL_TIMEOUT_MS / 1000} s waiting for ${what}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

if (require.main === module) {
  runSpecialBiologicsExample({
    baseUrl: process.env.PARKLINE_URL ?? 'http://localhost:3000',
    adminEmail: process.env.ADMIN_EMAIL ?? 'admin@parkline.local',
    adminPassword: process.env.ADMIN_PASSWORD ?? 'Parkline-Admin-2026',
    log: (line) => console.log(line),
  }).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
