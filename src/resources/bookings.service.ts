import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { actorOf, enterpriseNamedBy, Principal } from '../common/auth/principal';
import { Clock } from '../common/clock/clock';
import { mapPage, newestFirstPage, newestFirstPosition, Page } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { hydrate } from '../database/hydrate';
import { isExclusionViolation } from '../database/postgres-errors';
import { EventType } from '../events/event-types';
import { EventsService, NewEvent } from '../events/events.service';
import {
  BookingDto,
  BookingListQuery,
  CancelBookingDto,
  DeclineBookingDto,
  NewBookingDto,
} from './dto/booking.dto';
import {
  BOOKING_FORM_FIELD,
  BOOKING_SERVICES,
  bookingPrice,
  bookingRuleBreach,
  BookingStatus,
  cancellationTerms,
  HOLDING_STATUSES,
} from './resource-rules';
import { Resource } from './resource.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bookings as the API shows them, with their resource, unit and enterprise; `source` is the
 * bookings table, or a CTE of rows a statement has just written (`RETURNING *`).
 */
const bookingView = (source: string) => `
  SELECT b.id, b.resource_id AS "resourceId", r.code AS "resourceCode", r.name AS "resourceName",
         r.kind AS "resourceKind", r.operator_department_code AS "operatorDepartmentCode",
         b.unit_id AS "unitId", u.number AS "unitNumber", b.enterprise_id AS "enterpriseId",
         e.name AS "enterpriseName", lower(b.during) AS "startsAt", upper(b.during) AS "endsAt",
         b.status, b.purpose, b.price_cny::float8 AS "priceCny",
         b.cancellation_fee_cny::float8 AS "cancellationFeeCny", b.decision_reason AS "decisionReason",
         b.decided_at AS "decidedAt", b.cancelled_at AS "cancelledAt",
         b.cancellation_reason AS "cancellationReason", b.version, b.created_at AS "createdAt",
         r.free_cancellation_hours AS "freeCancellationHours", r.late_cancellation AS "lateCancellation"
  FROM ${source} b
  JOIN resources r ON r.id = b.resource_id
  JOIN resource_units u ON u.id = b.unit_id
  JOIN enterprises e ON e.id = b.enterprise_id`;

type BookingRow = Omit<
  BookingDto,
  'startsAt' | 'endsAt' | 'decidedAt' | 'cancelledAt' | 'createdAt'
> & {
  startsAt: Date;
  endsAt: Date;
  decidedAt: Date | null;
  cancelledAt: Date | null;
  createdAt: Date;
  freeCancellationHours: number;
  lateCancellation: Resource['lateCancellation'];
};

const toDto = (row: BookingRow): BookingDto => {
  const { freeCancellationHours: _hours, lateCancellation: _late, ...shown } = row;
  return {
    ...shown,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
};

/**
 * Whose bookings a principal sees, as SQL parameters: an enterprise its own, an officer or head
 * those of the resources their department operates, an admin all. Keys are never let in.
 */
/**
 * Whose bookings the principal sees: an enterprise's users and an API key those of their
 * enterprise(s), officers those of the resources their department operates, admins all.
 */
function scopeOf(principal: Principal): {
  enterpriseIds: string[] | null;
  department: string | null;
} {
  if (principal.kind === 'api_key')
    return { enterpriseIds: principal.enterpriseIds, department: null };
  if (principal.role === 'ADMIN') return { enterpriseIds: null, department: null };
  if (principal.enterpriseId) return { enterpriseIds: [principal.enterpriseId], department: null };
  return { enterpriseIds: null, department: principal.departmentCode ?? '' };
}

const VISIBLE = (enterprises: string, department: string) =>
  `(${enterprises}::uuid[] IS NULL OR b.enterprise_id = ANY (${enterprises}))
   AND (${department}::text IS NULL OR r.operator_department_code = ${department})`;

/** The user who acted, for the columns that name one; an API key's acts are in the events. */
const userOf = (principal: Principal): string | null =>
  principal.kind === 'user' ? principal.id : null;

/** Tries to place a booking before giving up: one per unit a concurrent booking took meanwhile. */
const MAX_PLACEMENT_ATTEMPTS = 5;

/** Booking the park's resources: requests, the operator's decision, cancellations. */
@Injectable()
export class BookingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Books the first unit free for the whole range (or the named one). PostgreSQL's exclusion
   * constraint is the only judge of overlap: two requests for the last slot both pass the
   * free-unit filter, one insert commits and the other fails with an exclusion violation; that
   * one looks again, and answers 409 when no unit is left.
   */
  async book(principal: Principal, input: NewBookingDto): Promise<BookingDto> {
    const enterpriseId = enterpriseNamedBy(principal, input.enterpriseId);
    if (!enterpriseId) throw new DomainError('forbidden', 'Only enterprises book resources');
    const start = new Date(input.startsAt);
    const end = new Date(input.endsAt);
    const [row] = await this.dataSource.query(
      `SELECT r.*, (SELECT verified_at IS NOT NULL FROM enterprises WHERE id = $2) AS verified,
              ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM resource_units WHERE id = $3 AND resource_id = r.id
                AND number <= r.capacity)) AS unit_found
       FROM resources r WHERE r.id = $1`,
      [input.resourceId, enterpriseId, input.unitId ?? null],
    );
    if (!row) throw DomainError.notFound('Resource');
    if (!row.unit_found) throw DomainError.invalidField('unitId', 'is not a unit of this resource');
    const resource = hydrate(this.dataSource.manager, Resource, row);
    if (!resource.active)
      throw new DomainError('unprocessable', 'The resource takes no bookings now');
    if (resource.eligibility === 'VERIFIED_ENTERPRISES' && !row.verified)
      throw new DomainError(
        'unprocessable',
        'Only enterprises the park has verified may book this resource',
      );
    const breach = bookingRuleBreach(
      resource,
      await this.calendar.calendar(),
      start,
      end,
      this.clock.now(),
    );
    if (breach) throw DomainError.invalidField(breach.field, breach.message);
    const id = randomUUID();
    const event = this.eventOf('booking.requested', principal, { id, enterpriseId }, resource, {
      startsAt: start.toISOString(),
      endsAt: end.toISOString(),
      operatorDepartmentCode: resource.operatorDepartmentCode,
    });
    for (let attempt = 1; ; attempt++) {
      try {
        const [placed] = await this.events.writeWithEvents<BookingRow>(
          this.dataSource.manager,
          {
            // The resource is share-locked while a unit is taken: a change of capacity waits,
            // and a unit it gave up is read again (number <= capacity) and skipped.
            ctes: `unit AS (
                SELECT u.id FROM resource_units u JOIN resources r ON r.id = u.resource_id
                WHERE u.resource_id = $2 AND ($3::uuid IS NULL OR u.id = $3) AND u.number <= r.capacity
                  AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.unit_id = u.id AND b.status = ANY($10)
                                  AND b.during && tstzrange($4, $5))
                ORDER BY u.number LIMIT 1 FOR KEY SHARE OF r
              ), inserted AS (
                INSERT INTO bookings (id, resource_id, unit_id, enterprise_id, requested_by, during, status, purpose, price_cny)
                SELECT $1, $2, unit.id, $6, $7, tstzrange($4, $5), 'REQUESTED', $8, $9 FROM unit
                RETURNING *
              )`,
            params: [
              id,
              resource.id,
              input.unitId ?? null,
              start,
              end,
              enterpriseId,
              userOf(principal),
              input.purpose.trim(),
              bookingPrice(resource, start, end),
              HOLDING_STATUSES,
            ],
            guard: 'inserted',
            select: bookingView('inserted'),
          },
          [event],
        );
        if (!placed) break;
        return toDto(placed);
      } catch (error) {
        if (!isExclusionViolation(error, 'bookings_no_overlap')) throw error;
        if (attempt >= MAX_PLACEMENT_ATTEMPTS) break;
      }
    }
    throw new DomainError('conflict', 'The slot is already booked; choose another time', {
      errors: [{ field: 'startsAt', message: 'no unit is free for the whole range' }],
    });
  }

  async listBookings(principal: Principal, query: BookingListQuery): Promise<Page<BookingDto>> {
    const scope = scopeOf(principal);
    const after = newestFirstPosition(query);
    const rows: BookingRow[] = await this.dataSource.query(
      `${bookingView('bookings')}
       WHERE ${VISIBLE('$1', '$2')} AND ($3::text IS NULL OR b.status = $3)
         AND ($4::uuid IS NULL OR b.resource_id = $4)
         AND ($5::timestamptz IS NULL OR (b.created_at, b.id) < ($5, $6::uuid))
       ORDER BY b.created_at DESC, b.id DESC LIMIT $7`,
      [
        scope.enterpriseIds,
        scope.department,
        query.status ?? null,
        query.resource ?? null,
        after.createdAt,
        after.id,
        query.limit + 1,
      ],
    );
    return mapPage(
      newestFirstPage(rows, query, (row) => row),
      toDto,
    );
  }

  async getBooking(principal: Principal, id: string): Promise<BookingDto> {
    return toDto(await this.findVisible(this.dataSource.manager, principal, id));
  }

  confirm(principal: Principal, id: string): Promise<BookingDto> {
    return this.decide(principal, id, 'CONFIRMED', null);
  }

  decline(principal: Principal, id: string, input: DeclineBookingDto): Promise<BookingDto> {
    return this.decide(principal, id, 'DECLINED', input.reason.trim());
  }

  /** The enterprise cancels under the resource's rule: free, refused, or charged the price. */
  async cancel(principal: Principal, id: string, input: CancelBookingDto): Promise<BookingDto> {
    return this.change(principal, id, (booking) => {
      if (!HOLDING_STATUSES.includes(booking.status))
        throw new DomainError('conflict', `The booking is ${booking.status} already`);
      const terms = cancellationTerms(
        booking,
        booking.startsAt,
        booking.priceCny,
        this.clock.now(),
      );
      if (!terms.allowed) throw new DomainError('unprocessable', terms.reason);
      return {
        type: 'booking.cancelled',
        set: `status = 'CANCELLED', cancelled_by = $2, cancelled_at = now(), cancellation_reason = $3,
              cancellation_fee_cny = $4`,
        params: [input.reason?.trim() || null, terms.feeCny],
        data: { reason: input.reason?.trim() || null, feeCny: terms.feeCny },
      };
    });
  }

  /**
   * The application of a booking service names a booking of its own enterprise, on a resource
   * that service books, still held. The form carries the id rather than the booking carrying
   * the application: the enterprise books first (so it sees the free slots), then files with
   * the reference, and the catalogue changes by one optional field.
   */
  async assertBookingReference(
    manager: EntityManager,
    application: {
      enterpriseId: string;
      serviceCode: string | null;
      form: Record<string, unknown>;
    },
  ): Promise<void> {
    const fits = application.serviceCode ? BOOKING_SERVICES[application.serviceCode] : undefined;
    const reference = application.form[BOOKING_FORM_FIELD];
    if (!fits || reference === undefined || reference === null) return;
    const field = `form.${BOOKING_FORM_FIELD}`;
    const refuse = (message: string) =>
      new DomainError('unprocessable', `${field}: ${message}`, { errors: [{ field, message }] });
    if (typeof reference !== 'string' || !UUID.test(reference))
      throw refuse('must be the id of one of your bookings');
    const [booking] = await manager.query(
      `SELECT b.status, r.kind, r.category FROM bookings b JOIN resources r ON r.id = b.resource_id
       WHERE b.id = $1 AND b.enterprise_id = $2`,
      [reference, application.enterpriseId],
    );
    if (!booking) throw refuse('must be the id of one of your bookings');
    if (!HOLDING_STATUSES.includes(booking.status))
      throw refuse(`the booking is ${booking.status}`);
    if (!fits(booking.kind, booking.category))
      throw refuse(`the booking is of a resource ${application.serviceCode} does not book`);
  }

  private decide(
    principal: Principal,
    id: string,
    status: 'CONFIRMED' | 'DECLINED',
    reason: string | null,
  ): Promise<BookingDto> {
    return this.change(principal, id, (booking) => {
      if (booking.status !== 'REQUESTED')
        throw new DomainError(
          'conflict',
          `Only a requested booking is decided; this one is ${booking.status}`,
        );
      return {
        type: status === 'CONFIRMED' ? 'booking.confirmed' : 'booking.declined',
        set: `status = '${status}', decided_by = $2, decided_at = now(), decision_reason = $3`,
        params: [reason],
        data: { reason },
      };
    });
  }

  /** Locks a visible booking, lets `decide` choose the change, writes it with its event. */
  private async change(
    principal: Principal,
    id: string,
    decide: (booking: BookingRow) => {
      type: EventType;
      set: string;
      params: unknown[];
      data: Record<string, unknown>;
    },
  ): Promise<BookingDto> {
    return this.dataSource.transaction(async (manager) => {
      const booking = await this.findVisible(manager, principal, id, true);
      const change = decide(booking);
      const [changed] = await this.events.writeWithEvents<BookingRow>(
        manager,
        {
          ctes: `changed AS (
              UPDATE bookings SET ${change.set}, version = version + 1, updated_at = now()
              WHERE id = $1 RETURNING *)`,
          params: [id, userOf(principal), ...change.params],
          guard: 'changed',
          select: bookingView('changed'),
        },
        [
          this.eventOf(
            change.type,
            principal,
            booking,
            { id: booking.resourceId, code: booking.resourceCode },
            {
              startsAt: booking.startsAt.toISOString(),
              endsAt: booking.endsAt.toISOString(),
              operatorDepartmentCode: booking.operatorDepartmentCode,
              ...change.data,
            },
          ),
        ],
      );
      return toDto(changed);
    });
  }

  private eventOf(
    type: EventType,
    principal: Principal,
    booking: { id: string; enterpriseId: string },
    resource: { id: string; code: string },
    data: Record<string, unknown>,
  ): NewEvent {
    return {
      type,
      subjectType: 'booking',
      subjectId: booking.id,
      enterpriseId: booking.enterpriseId,
      actor: actorOf(principal),
      data: {
        bookingId: booking.id,
        resourceId: resource.id,
        resourceCode: resource.code,
        ...data,
      },
    };
  }

  /** The booking if the principal may see it; anyone else's is a 404, so ids reveal nothing. */
  private async findVisible(
    manager: EntityManager,
    principal: Principal,
    id: string,
    lock = false,
  ): Promise<BookingRow & { status: BookingStatus }> {
    const scope = scopeOf(principal);
    const [row]: BookingRow[] = await manager.query(
      `${bookingView('bookings')} WHERE b.id = $1 AND ${VISIBLE('$2', '$3')}${lock ? ' FOR UPDATE OF b' : ''}`,
      [id, scope.enterpriseIds, scope.department],
    );
    if (!row) throw DomainError.notFound('Booking');
    return row;
  }
}
