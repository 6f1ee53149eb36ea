import { randomBytes } from 'node:crypto';
import { IdempotencyService } from '../src/common/idempotency/idempotency.service';
import { TestApp, startTestApp } from './support/test-app';
import {
  RegisteredEnterprise,
  Session,
  loginAdmin,
  registerEnterprise,
  uniqueEmail,
} from './support/factories';

const newKey = () => `key-${randomBytes(8).toString('hex')}`;

const memberBody = (email = uniqueEmail('member')) => ({
  email,
  password: 'Member-Pass-2026',
  name: '李工',
  role: 'ENTERPRISE_MEMBER',
});

describe('idempotency', () => {
  let t: TestApp;
  let admin: Session;
  let a: RegisteredEnterprise;
  let b: RegisteredEnterprise;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await loginAdmin(t);
    a = await registerEnterprise(t);
    b = await registerEnterprise(t);
  });

  afterAll(() => t.close());

  const addMember = (enterprise: RegisteredEnterprise, key: string | undefined, body: object) => {
    const call = t
      .http()
      .post(`/api/v1/enterprises/${enterprise.enterpriseId}/members`)
      .set(enterprise.auth);
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
  };

  const usersWithEmail = async (email: string): Promise<number> => {
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM users WHERE email = $1',
      [email],
    );
    return count;
  };

  const storedKeys = async (key: string): Promise<number> => {
    const [{ count }] = await t.dataSource.query(
      'SELECT count(*)::int AS count FROM idempotency_keys WHERE key = $1',
      [key],
    );
    return count;
  };

  it('replays the first response to a repeat with the same key and body', async () => {
    const key = newKey();
    const body = memberBody();
    const first = await addMember(a, key, body).expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    const repeat = await addMember(a, key, body).expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.headers.location).toBe(first.headers.location);
    expect(repeat.body).toEqual(first.body);
    expect(repeat.body.id).toBe(first.body.id);
    expect(await usersWithEmail(body.email)).toBe(1);
  });

  it('replays the status and ETag of an action answering 200', async () => {
    const key = newKey();
    const verify = () =>
      t
        .http()
        .post(`/api/v1/enterprises/${b.enterpriseId}/verify`)
        .set(admin.auth)
        .set('Idempotency-Key', key);
    const first = await verify().expect(200);
    expect(first.headers.etag).toBeDefined();

    const repeat = await verify().expect(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.headers.etag).toBe(first.headers.etag);
    expect(repeat.body).toEqual(first.body);
  });

  it('answers 422 to the same key with another body', async () => {
    const key = newKey();
    await addMember(a, key, memberBody()).expect(201);

    const reused = await addMember(a, key, memberBody()).expect(422);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(reused.body.type).toBe('urn:parkline:problem:idempotency-key-reused');
  });

  it('runs one of many parallel requests with one key', async () => {
    const key = newKey();
    const body = memberBody();
    const responses = await Promise.all(Array.from({ length: 10 }, () => addMember(a, key, body)));

    expect(await usersWithEmail(body.email)).toBe(1);
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
    expect(statuses).toContain(201);
    const created = responses.filter((response) => response.status === 201);
    expect(new Set(created.map((response) => response.body.id)).size).toBe(1);
    for (const busy of responses.filter((response) => response.status === 409)) {
      expect(busy.body.type).toBe('urn:parkline:problem:request-in-progress');
      expect(busy.headers['retry-after']).toBe('1');
    }
  });

  it('keeps the keys of different principals apart', async () => {
    const key = newKey();
    const first = await addMember(a, key, memberBody()).expect(201);

    const other = await addMember(b, key, memberBody()).expect(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.body.enterpriseId).toBe(b.enterpriseId);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('rejects a malformed key with 400 naming the header', async () => {
    const response = await addMember(a, 'k'.repeat(300), memberBody()).expect(400);
    expect(response.body.type).toBe('urn:parkline:problem:validation-failed');
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
  });

  it('frees the key when the request fails, so a retry runs again', async () => {
    const taken = memberBody();
    await addMember(a, undefined, taken).expect(201);
    const key = newKey();

    const failed = await addMember(a, key, taken).expect(409);
    expect(failed.body.type).toBe('urn:parkline:problem:conflict');
    expect(await storedKeys(key)).toBe(0);
    const retried = await addMember(a, key, taken).expect(409);
    expect(retried.body.type).toBe('urn:parkline:problem:conflict');
    expect(retried.headers['idempotent-replayed']).toBeUndefined();

    const corrected = memberBody();
    await addMember(a, newKey(), corrected).expect(201);
    expect(await usersWithEmail(corrected.email)).toBe(1);
  });

  it('treats the same JSON with another key order as the same request', async () => {
    const key = newKey();
    const body = memberBody();
    const first = await addMember(a, key, body).expect(201);

    const reordered = {
      role: body.role,
      name: body.name,
      password: body.password,
      email: body.email,
    };
    const repeat = await addMember(a, key, reordered).expect(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.body.id).toBe(first.body.id);
  });

  it('purges expired keys, which may then be used again', async () => {
    const key = newKey();
    await addMember(a, key, memberBody()).expect(201);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE key = $1`,
      [key],
    );

    expect(await t.app.get(IdempotencyService).purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await storedKeys(key)).toBe(0);

    const reused = await addMember(a, key, memberBody()).expect(201);
    expect(reused.headers['idempotent-replayed']).toBeUndefined();
  });

  it('lets an expired key be claimed again without a purge', async () => {
    const key = newKey();
    await addMember(a, key, memberBody()).expect(201);
    await t.dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE key = $1`,
      [key],
    );

    const reused = await addMember(a, key, memberBody()).expect(201);
    expect(reused.headers['idempotent-replayed']).toBeUndefined();
  });
});
