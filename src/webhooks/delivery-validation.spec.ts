import { deliveryProblems } from './delivery-validation';

describe('delivery validation', () => {
  const subject = {
    subjectType: 'application',
    subjectId: '0b6f3c1e-8d2a-4f5b-9c7e-2a1d4e6f8b90',
    enterpriseId: '5d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6',
  };
  const revoked = {
    id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    type: 'certificate.revoked',
    occurredAt: '2026-03-02T09:30:00.000Z',
    data: {
      ...subject,
      certificateId: '3f2b9c1e-7a4d-4e8b-9c0f-1d2e3f4a5b6c',
      number: 'PL-2026-000123',
      reason: 'Issued on forged documents.',
    },
  };

  it('accepts a body that matches its schema, with fields the schema does not name', () => {
    expect(deliveryProblems(revoked)).toEqual([]);
    expect(deliveryProblems({ ...revoked, data: { ...revoked.data, addedLater: 1 } })).toEqual([]);
  });

  it('names a missing field, a retyped field, a malformed id and a wrong subject', () => {
    const { reason: _dropped, ...withoutReason } = revoked.data;
    expect(deliveryProblems({ ...revoked, data: withoutReason })).toEqual([
      "certificate.revoked: /data must have required property 'reason'",
    ]);
    expect(deliveryProblems({ ...revoked, data: { ...revoked.data, number: 123 } })).toEqual([
      'certificate.revoked: /data/number must be string',
    ]);
    expect(
      deliveryProblems({ ...revoked, data: { ...revoked.data, certificateId: 'c1' } }),
    ).toEqual(['certificate.revoked: /data/certificateId must match format "uuid"']);
    expect(
      deliveryProblems({ ...revoked, data: { ...revoked.data, subjectType: 'invoice' } }),
    ).toEqual([
      'certificate.revoked: /data/subjectType must be equal to one of the allowed values',
    ]);
  });

  it('checks the envelope, and refuses event types that have no schema', () => {
    expect(deliveryProblems({ ...revoked, occurredAt: 'yesterday' })).toEqual([
      'certificate.revoked: /occurredAt must match format "date-time"',
    ]);
    expect(deliveryProblems({ ...revoked, type: 'certificate.reissued' })).toEqual([
      'event type "certificate.reissued" has no schema',
    ]);
  });

  it('knows the test delivery', () => {
    const ping = { ...revoked, type: 'webhook.ping', data: { subscriptionId: subject.subjectId } };
    expect(deliveryProblems(ping)).toEqual([]);
    expect(deliveryProblems({ ...ping, data: {} })).toEqual([
      "webhook.ping: /data must have required property 'subscriptionId'",
    ]);
  });
});
