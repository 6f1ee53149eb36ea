import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CalendarService } from '../calendar/calendar.service';
import { Actor } from '../common/auth/principal';
import { Clock } from '../common/clock/clock';
import { assertVersion } from '../common/http/versioning';
import { mapPage, Page, paginateByKey } from '../common/pagination/page';
import { DomainError } from '../common/problem/domain-error';
import { isCalendarDate } from '../common/validation/strict-values';
import { escapeLike } from '../database/escape-like';
import { isUniqueViolation } from '../database/postgres-errors';
import {
  AvailabilityDto,
  AvailabilityQuery,
  NewResourceDto,
  ResourceChangeDto,
  ResourceDto,
  ResourceListQuery,
} from './dto/resource.dto';
import {
  availability,
  HOLDING_STATUSES,
  minutesOfDay,
  RESOURCE_CATEGORIES,
  shanghaiInstant,
} from './resource-rules';
import { Resource } from './resource.entity';

const MAX_AVAILABILITY_DAYS = 31;

/** The park's bookable resources: the catalogue of them, their terms and their free slots. */
@Injectable()
export class ResourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listResources(query: ResourceListQuery): Promise<Page<ResourceDto>> {
    const resources = this.dataSource.getRepository(Resource).createQueryBuilder('resource');
    if (query.kind) resources.andWhere('resource.kind = :kind', { kind: query.kind });
    if (query.category)
      resources.andWhere('resource.category = :category', { category: query.category });
    if (query.department)
      resources.andWhere('resource.operator_department_code = :department', {
        department: query.department,
      });
    if (query.q)
      resources.andWhere(
        '(resource.code ILIKE :q OR resource.name ILIKE :q OR resource.name_en ILIKE :q OR resource.location ILIKE :q)',
        { q: `%${escapeLike(query.q)}%` },
      );
    return mapPage(await paginateByKey(resources, query, 'code'), ResourceDto.from);
  }

  async getResource(id: string): Promise<ResourceDto> {
    return ResourceDto.from(await this.findResource(this.dataSource.manager, id));
  }

  /** A new resource with one unit per place of its capacity, each booked on its own. */
  async createResource(actor: Actor, input: NewResourceDto): Promise<ResourceDto> {
    assertTerms(input);
    if (!(RESOURCE_CATEGORIES[input.kind] as readonly string[]).includes(input.category))
      throw DomainError.invalidField(
        'category',
        `must be one of ${RESOURCE_CATEGORIES[input.kind].join(', ')} for ${input.kind}`,
      );
    try {
      return await this.dataSource.transaction(async (manager) => {
        const resource = await manager.save(
          manager.create(Resource, {
            ...input,
            nameEn: input.nameEn ?? null,
            description: input.description ?? null,
          }),
        );
        await manager.query(
          `INSERT INTO resource_units (resource_id, number) SELECT $1, generate_series(1, $2)`,
          [resource.id, input.capacity],
        );
        await this.audit.record(
          manager,
          actor,
          'resource.created',
          { type: 'resource', id: resource.id },
          { code: input.code },
        );
        return ResourceDto.from(await this.findResource(manager, resource.id));
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError('conflict', `A resource with code ${input.code} exists already`);
      throw error;
    }
  }

  /** Changes terms or (de)activates; bookings already made keep the terms they were made on. */
  async updateResource(
    actor: Actor,
    id: string,
    change: ResourceChangeDto,
    ifMatch: number | undefined,
  ): Promise<ResourceDto> {
    return this.dataSource.transaction(async (manager) => {
      const resource = await this.findResource(manager, id, true);
      assertVersion(resource.version, { ifMatch }, 'Resource');
      assertTerms({ ...resource, ...change });
      if (change.capacity !== undefined && change.capacity !== resource.capacity)
        await this.changeCapacity(manager, resource, change.capacity);
      await manager.update(Resource, { id }, { ...change, version: resource.version + 1 });
      await this.audit.record(
        manager,
        actor,
        'resource.updated',
        { type: 'resource', id },
        {
          ...change,
        },
      );
      return ResourceDto.from(await this.findResource(manager, id));
    });
  }

  /**
   * Units 1..capacity take bookings. More units: the missing ones are added; fewer: the ones
   * given up must hold no booking to come. The resource row is locked, and a booking share-locks
   * it while it takes a unit, so no booking lands on a unit given up meanwhile.
   */
  private async changeCapacity(
    manager: EntityManager,
    resource: Resource,
    capacity: number,
  ): Promise<void> {
    if (capacity > resource.capacity) {
      await manager.query(
        `INSERT INTO resource_units (resource_id, number) SELECT $1, generate_series(1, $2)
         ON CONFLICT (resource_id, number) DO NOTHING`,
        [resource.id, capacity],
      );
      return;
    }
    const [held]: { count: number }[] = await manager.query(
      `SELECT count(*)::int AS count FROM bookings b JOIN resource_units u ON u.id = b.unit_id
       WHERE b.resource_id = $1 AND u.number > $2 AND b.status = ANY($3) AND upper(b.during) > $4`,
      [resource.id, capacity, HOLDING_STATUSES, this.clock.now()],
    );
    if (held.count > 0)
      throw new DomainError(
        'conflict',
        `${held.count} booking(s) to come hold units beyond ${capacity}; cancel or move them first`,
        { heldBookings: held.count },
      );
  }

  /** Free units per slot on each working day of the range: one read of the held bookings. */
  async availability(id: string, query: AvailabilityQuery): Promise<AvailabilityDto> {
    if (!isCalendarDate(query.from)) throw DomainError.invalidField('from', 'must be a real date');
    if (!isCalendarDate(query.to)) throw DomainError.invalidField('to', 'must be a real date');
    const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
    if (span < 0) throw DomainError.invalidField('to', 'must not be before from');
    if (span >= MAX_AVAILABILITY_DAYS)
      throw DomainError.invalidField('to', `must be within ${MAX_AVAILABILITY_DAYS} days of from`);
    const resource = await this.findResource(this.dataSource.manager, id);
    const [calendar, held] = await Promise.all([
      this.calendar.calendar(),
      this.dataSource.query(
        `SELECT unit_id AS "unitId", lower(during) AS start, upper(during) AS "end" FROM bookings
         WHERE resource_id = $1 AND status = ANY($2) AND during && tstzrange($3, $4)`,
        [
          id,
          HOLDING_STATUSES,
          shanghaiInstant(query.from, 0),
          shanghaiInstant(query.to, minutesOfDay('24:00')),
        ],
      ),
    ]);
    return {
      resourceId: id,
      capacity: resource.capacity,
      days: availability(
        resource,
        resource.capacity,
        calendar.listWorkingDays(query.from, query.to),
        held,
        this.clock.now(),
      ),
    };
  }

  private async findResource(manager: EntityManager, id: string, lock = false): Promise<Resource> {
    const resource = await manager.findOne(Resource, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!resource) throw DomainError.notFound('Resource');
    return resource;
  }
}

function assertTerms(terms: {
  opensAt: string;
  closesAt: string;
  slotMinutes: number;
  maxBookingHours: number;
}) {
  const open = minutesOfDay(terms.closesAt) - minutesOfDay(terms.opensAt);
  if (open <= 0) throw DomainError.invalidField('closesAt', 'must be after opensAt');
  if (open % terms.slotMinutes !== 0)
    throw DomainError.invalidField('slotMinutes', 'must divide the opening hours into whole slots');
  if (terms.maxBookingHours * 60 < terms.slotMinutes)
    throw DomainError.invalidField('maxBookingHours', 'must hold at least one slot');
}
