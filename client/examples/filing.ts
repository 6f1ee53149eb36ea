/**
 * The enterprise's side of filing, shared by the examples: a draft with a valid form, the
 * materials its checklist asks for, submission, and following the application to its end.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createParklineClient, unwrap, type components, type ParklineClient } from '../src';

export type Application = components['schemas']['ApplicationDto'];
export type ApplicationStatus = Application['status'];

const POLL_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 250;

/** The smallest document the platform recognises as a PDF by its content. */
const MINIMAL_PDF =
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

const FINISHED: readonly ApplicationStatus[] = ['COMPLETED', 'DENIED', 'REJECTED', 'WITHDRAWN'];

/** Who files: a client signed in for the enterprise (API key or person) and the enterprise. */
export interface Filer {
  baseUrl: string;
  api: ParklineClient;
  enterpriseId: string;
  log: (line: string) => void;
}

/** How an example's application ended. */
export interface Outcome {
  applicationId: string;
  number: string;
  status: ApplicationStatus;
}

export interface CertifiedOutcome extends Outcome {
  certificateNumber: string;
}

/**
 * Drafts an application of the service with the form's documented example values (overridden
 * by `answers`), uploads what the checklist requires under those answers, and submits it.
 */
export async function fileApplication(
  { api, enterpriseId, log }: Filer,
  serviceCode: string,
  answers: Record<string, unknown> = {},
): Promise<Application> {
  const service = unwrap(
    await api.GET('/api/v1/services/{code}', { params: { path: { code: serviceCode } } }),
  );
  // A retried create with the same key answers the first draft instead of making a second.
  const draft = unwrap(
    await api.POST('/api/v1/applications', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { serviceCode, enterpriseId, form: { ...exampleForm(service.formSchema), ...answers } },
    }),
  );
  const path = { params: { path: { id: draft.id } } };
  log(`Drafted ${draft.number}: ${service.nameEn}`);

  const checklist = unwrap(await api.GET('/api/v1/applications/{id}/checklist', path));
  for (const materialType of checklist.requiredMaterialTypes) {
    await uploadPdf(api, draft.id, materialType);
    log(`Uploaded ${materialType}.pdf`);
  }

  const submitted = unwrap(
    await api.POST('/api/v1/applications/{id}/submit', {
      ...path,
      params: { ...path.params, header: { 'Idempotency-Key': randomUUID() } },
      body: {},
    }),
  );
  log(`Submitted ${submitted.number}`);
  return submitted;
}

/** Polls the application until `done` says so; a finished application that is not done fails. */
export async function followApplication(
  api: ParklineClient,
  applicationId: string,
  done: (application: Application) => boolean,
  what: string,
): Promise<Application> {
  return poll(what, async () => {
    const application = unwrap(
      await api.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } }),
    );
    if (done(application)) return application;
    if (FINISHED.includes(application.status)) {
      throw new Error(`${application.number} ended ${application.status} waiting for ${what}`);
    }
    return undefined;
  });
}

/** Waits until the application completes. */
export async function completion(filer: Filer, submitted: Application): Promise<Outcome> {
  const completed = await followApplication(
    filer.api,
    submitted.id,
    (application) => application.status === 'COMPLETED',
    `${submitted.number} to complete`,
  );
  filer.log(`${completed.number} is ${completed.status}`);
  return { applicationId: completed.id, number: completed.number, status: completed.status };
}

/**
 * Waits until the application completes, then fetches its certificate and checks it the way
 * anyone holding it would: publicly, with its verification code.
 */
export async function certifiedCompletion(
  filer: Filer,
  submitted: Application,
): Promise<CertifiedOutcome> {
  const { api, baseUrl, log } = filer;
  const outcome = await completion(filer, submitted);
  const certificate = unwrap(
    await api.GET('/api/v1/applications/{id}/certificate', {
      params: { path: { id: submitted.id } },
    }),
  );
  log(`Certificate ${certificate.number} issued; anyone can check it at ${certificate.verifyUrl}`);
  const verification = unwrap(
    await createParklineClient({ baseUrl }).GET('/api/v1/certificates/{number}/verify', {
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
  return { ...outcome, certificateNumber: certificate.number };
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

/** Asks `check` until it answers a value. */
export async function poll<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
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
