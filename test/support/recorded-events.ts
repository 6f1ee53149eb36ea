import type { DataSource } from 'typeorm';
import type { PlatformEvent } from '../../src/events/platform-event.entity';
import { deliveryProblems } from '../../src/webhooks/delivery-validation';
import { deliveryBodyOf } from '../../src/webhooks/webhook-events';

const SHOWN = 20;

/**
 * How the events a test run recorded, and the deliveries it made, depart from the documented
 * event schemas: each event as a receiver would get it, and each delivery body as it was stored.
 */
export async function recordedEventProblems(dataSource: DataSource): Promise<string[]> {
  const events: PlatformEvent[] = await dataSource.query(
    `SELECT id, type, subject_type AS "subjectType", subject_id AS "subjectId",
            enterprise_id AS "enterpriseId", data, occurred_at AS "occurredAt" FROM events`,
  );
  const deliveries: { id: string; body: object }[] = await dataSource.query(
    `SELECT id, body FROM webhook_deliveries`,
  );
  const problems = [
    ...events.flatMap((event) =>
      deliveryProblems(deliveryBodyOf(event)).map((problem) => `event ${event.id}: ${problem}`),
    ),
    ...deliveries.flatMap((delivery) =>
      deliveryProblems(delivery.body).map((problem) => `delivery ${delivery.id}: ${problem}`),
    ),
  ];
  return problems;
}

/** Fails with the first problems of `recordedEventProblems`, if there are any. */
export function assertNoEventProblems(problems: string[]): void {
  if (problems.length === 0) return;
  throw new Error(
    `${problems.length} recorded events depart from their documented schemas (src/events/event-types.ts):\n` +
      problems.slice(0, SHOWN).join('\n'),
  );
}
