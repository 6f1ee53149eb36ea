import { createPublicKey, verify } from 'node:crypto';
import {
  keyIdOf,
  LegacyCertificateContent,
  privateKeyFromPem,
  signCertificate,
} from '../src/certificates/certificate-signature';
import { signingKeyPem } from '../src/certificates/signing-key-source';
import { canonicalJson } from '../src/common/canonical-json';
import { Session, loginAdmin } from './support/factories';
import {
  approveToCertificate,
  department,
  Department,
  fileComplete,
  verifiedEnterprise,
} from './support/filing';
import { TestApp, startTestApp } from './support/test-app';

const CONTACT = { 'contact.name': '赵联络', 'contact.phone': '13900001111' };
const GROUPED_BASE32 = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/;
const AUTH_LIMIT = 25;
/** What a certificate asserts to anyone verifying it: signed, and shown. */
const SIGNED_KEYS = [
  'number',
  'serviceCode',
  'serviceName',
  'serviceNameEn',
  'title',
  'titleEn',
  'holder',
  'issuer',
  'issuedAt',
  'validFrom',
  'validUntil',
];

/** A problem body without what names the request itself. */
function withoutRequest(body: Record<string, unknown>): string {
  const { instance, requestId, ...rest } = body;
  expect(typeof instance).toBe('string');
  expect(typeof requestId).toBe('string');
  return JSON.stringify(rest);
}

describe('public certificate verification', () => {
  let t: TestApp;
  let admin: Session;
  let commerce: Department;
  let enterprise: Session & { enterpriseId: string };
  let applicationId: string;
  let certificate: {
    id: string;
    number: string;
    verificationCode: string;
    verifyUrl: string;
    keyId: string;
    content: Record<string, unknown>;
  };
  const verifyPath = (number: string, code: string) =>
    `/api/v1/certificates/${encodeURIComponent(number)}/verify?code=${encodeURIComponent(code)}`;

  beforeAll(async () => {
    t = await startTestApp({
      RATE_LIMIT_ENABLED: 'true',
      AUTH_RATE_LIMIT_PER_MINUTE: String(AUTH_LIMIT),
    });
    admin = await loginAdmin(t);
    commerce = await department(t, admin, 'COMMERCE');
    enterprise = await verifiedEnterprise(t, admin);
    applicationId = (await fileComplete(t, enterprise, 'RD_IMPORT_WHITELIST', CONTACT)).id;
    certificate = await approveToCertificate(t, enterprise, commerce, applicationId);
  });

  afterAll(() => t.close());

  it('prints a random code of 160 bits, which verifies however it is typed', async () => {
    expect(certificate.verificationCode).toMatch(GROUPED_BASE32);
    const [stored] = await t.dataSource.query(
      `SELECT verification_code FROM certificates WHERE id = $1`,
      [certificate.id],
    );
    expect(stored.verification_code).toBe(certificate.verificationCode);
    for (const typed of [
      certificate.verificationCode,
      certificate.verificationCode.toLowerCase(),
      certificate.verificationCode.replace(/-/g, ''),
    ]) {
      const answer = await t.http().get(verifyPath(certificate.number, typed)).expect(200);
      expect([typed, answer.body.status]).toEqual([typed, 'VALID']);
    }
  });

  it("links to the console's verification page, prefilled with the number and code", () => {
    expect(certificate.verifyUrl).toBe(
      `${t.config.PUBLIC_BASE_URL}/verify/${certificate.number}?code=${certificate.verificationCode}`,
    );
  });

  it('answers an unknown number and a wrong code with the same 404', async () => {
    const [prefix, year] = certificate.number.split('-');
    const unknownNumber = `${prefix}-${year}-999999`;
    const wrongCode = certificate.verificationCode.replace(/^./, (first) =>
      first === '2' ? '3' : '2',
    );
    const unknown = await t.http().get(verifyPath(unknownNumber, certificate.verificationCode));
    const wrong = await t.http().get(verifyPath(certificate.number, wrongCode));
    const short = await t.http().get(verifyPath(certificate.number, '77PPYXAJ8U8K'));
    for (const refused of [unknown, wrong, short]) {
      expect(refused.status).toBe(404);
      expect(refused.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(withoutRequest(refused.body)).toBe(withoutRequest(unknown.body));
    }
    expect(unknown.headers['content-type']).toContain('application/problem+json');
  });

  it('shows a verifier exactly what it needs, signed, and nothing of the application', async () => {
    const answer = await t
      .http()
      .get(verifyPath(certificate.number, certificate.verificationCode))
      .expect(200);
    expect(Object.keys(answer.body).sort()).toEqual(['certificate', 'status', 'valid']);
    expect(answer.body).toMatchObject({ valid: true, status: 'VALID' });
    const shown = answer.body.certificate;
    expect(Object.keys(shown).sort()).toEqual(
      [...SIGNED_KEYS, 'revokedAt', 'signedContent', 'signature', 'keyId'].sort(),
    );
    expect(Object.keys(shown.signedContent).sort()).toEqual([...SIGNED_KEYS].sort());
    for (const party of [shown, shown.signedContent]) {
      expect(Object.keys(party.holder).sort()).toEqual(['creditCode', 'name']);
      expect(Object.keys(party.issuer).sort()).toEqual(['departmentCode', 'departmentName']);
    }
    expect(shown).toMatchObject({
      number: certificate.number,
      serviceCode: 'RD_IMPORT_WHITELIST',
      holder: shown.signedContent.holder,
      issuer: { departmentCode: 'COMMERCE' },
      keyId: certificate.keyId,
    });

    // What a browser does: canonical JSON of the signed content, Ed25519, the published key.
    const keys = await t.http().get('/api/v1/certificates/public-key').expect(200);
    const key = keys.body.find((candidate: { keyId: string }) => candidate.keyId === shown.keyId);
    expect(
      verify(
        null,
        Buffer.from(canonicalJson(shown.signedContent)),
        createPublicKey(key.publicKeyPem),
        Buffer.from(shown.signature, 'base64url'),
      ),
    ).toBe(true);

    // The signed content itself, as the holder sees it too, carries no form data.
    expect(certificate.content).toEqual(shown.signedContent);
    const application = await t
      .http()
      .get(`/api/v1/applications/${applicationId}`)
      .set(enterprise.auth)
      .expect(200);
    // Without the signature, whose base64 could hold a short value by chance.
    const published = JSON.stringify({ ...shown, signature: undefined });
    for (const [field, value] of Object.entries(application.body.form)) {
      if (typeof value === 'string' && value.length >= 4)
        expect([field, published.includes(value)]).toEqual([field, false]);
    }
    for (const value of [...Object.values(CONTACT), applicationId, enterprise.enterpriseId])
      expect(published).not.toContain(value);
  });

  it("gives the holder the approved particulars under the form's labels, without the contact, on one page", async () => {
    const issued = await t
      .http()
      .get(`/api/v1/applications/${applicationId}/certificate`)
      .set(enterprise.auth)
      .expect(200);
    const particulars: { field: string; label: object; value: object }[] = issued.body.particulars;
    const fields = particulars.map(({ field }) => field);
    expect(fields).toEqual(expect.arrayContaining(['article.name', 'article.unit']));
    expect(fields.filter((field) => field.startsWith('contact.'))).toEqual([]);
    expect(particulars.find(({ field }) => field === 'article.unit')).toEqual({
      field: 'article.unit',
      label: { zh: '计量单位', en: 'Unit of measure' },
      value: expect.objectContaining({ en: expect.not.stringMatching(/^[A-Z_]+$/) }),
    });
    for (const value of Object.values(CONTACT))
      expect(JSON.stringify(particulars)).not.toContain(value);

    const pdf = await t
      .http()
      .get(`/api/v1/applications/${applicationId}/certificate.pdf`)
      .set(enterprise.auth)
      .expect(200);
    expect((pdf.body as Buffer).toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('keeps a certificate issued earlier over form fields verifiable, without showing its content', async () => {
    const draft = await t
      .http()
      .post('/api/v1/applications')
      .set(enterprise.auth)
      .send({ serviceCode: 'RD_IMPORT_WHITELIST' })
      .expect(201);
    const signingKey = privateKeyFromPem(signingKeyPem(t.config));
    const { validFrom, validUntil, ...current } = certificate.content as Record<string, string>;
    const number = `${certificate.number.slice(0, -6)}000777`;
    const content = {
      ...current,
      number,
      validFrom,
      validUntil,
      holder: { ...(current.holder as unknown as object), enterpriseId: enterprise.enterpriseId },
      applicationId: draft.body.id,
      applicationNumber: draft.body.number,
      particulars: { 'article.name': 'HEK293 细胞株', ...CONTACT },
    } as unknown as LegacyCertificateContent;
    await t.dataSource.query(
      `INSERT INTO certificates (number, application_id, enterprise_id, service_code, content, signature, key_id,
         verification_code, valid_from, valid_until, issued_at)
       VALUES ($1, $2, $3, 'RD_IMPORT_WHITELIST', $4, $5, $6, '77PPYXAJ8U8K', $7, $8, now())`,
      [
        number,
        draft.body.id,
        enterprise.enterpriseId,
        content,
        signCertificate(content, signingKey),
        keyIdOf(createPublicKey(signingKey)),
        validFrom,
        validUntil,
      ],
    );

    const answer = await t.http().get(verifyPath(number, '77ppyxaj8u8k')).expect(200);
    expect(answer.body).toMatchObject({
      valid: true,
      status: 'VALID',
      certificate: {
        number,
        signedContent: null,
        signature: null,
        keyId: keyIdOf(createPublicKey(signingKey)),
      },
    });
    const published = JSON.stringify(answer.body);
    for (const value of [...Object.values(CONTACT), 'HEK293', draft.body.id, draft.body.number])
      expect(published).not.toContain(value);
  });

  // Last: it spends the verification budget of this client address.
  it('limits verification attempts like sign-in, with 429 and Retry-After', async () => {
    let limited;
    for (let attempt = 0; attempt <= AUTH_LIMIT && !limited; attempt += 1) {
      const response = await t.http().get(verifyPath(certificate.number, `WRONG-${attempt}-CODE`));
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(404);
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited!.body.type).toBe('urn:parkline:problem:rate-limited');
    await t.http().get(verifyPath(certificate.number, certificate.verificationCode)).expect(429);
  });
});
