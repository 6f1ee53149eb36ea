import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, Scopes } from '../common/auth/auth.decorators';
import { Principal } from '../common/auth/principal';
import { Created } from '../common/http/created.decorator';
import { Idempotent } from '../common/idempotency/idempotency.interceptor';
import { ApiAuthProblems } from '../common/openapi/api-problems.decorator';
import { Page } from '../common/pagination/page';
import { BookingsService } from './bookings.service';
import {
  BookingDto,
  BookingListQuery,
  BookingPageDto,
  CancelBookingDto,
  DeclineBookingDto,
  NewBookingDto,
} from './dto/booking.dto';

const bookingId = () => new ParseUUIDPipe();

@ApiTags('resources')
@Controller('bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Post()
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER')
  @Scopes('bookings:write')
  @Created(BookingDto, (booking) => `/api/v1/bookings/${booking.id}`)
  @Idempotent()
  @ApiOperation({
    summary:
      'Book a slot of a resource for your enterprise; the operator then confirms or declines',
    description:
      'On a working day within opening hours, on the slots, within the lead time, length and advance the resource allows. A slot no unit is free for answers 409.',
  })
  @ApiAuthProblems(400, 404, 409, 422)
  bookResource(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NewBookingDto,
  ): Promise<BookingDto> {
    return this.bookings.book(principal, body);
  }

  @Get()
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @Scopes('bookings:read')
  @ApiOperation({
    summary:
      "Bookings, newest first: your enterprise's, or those of the resources your department operates",
    description:
      "Enterprise users see their enterprise's bookings; officers and heads those of the resources their department operates; admins all. Newest first; filter by status or resource.",
  })
  @ApiOkResponse({ type: BookingPageDto })
  @ApiAuthProblems(400)
  listBookings(
    @CurrentPrincipal() principal: Principal,
    @Query() query: BookingListQuery,
  ): Promise<Page<BookingDto>> {
    return this.bookings.listBookings(principal, query);
  }

  @Get(':id')
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER', 'OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @Scopes('bookings:read')
  @ApiOperation({
    summary: 'Read a booking',
    description:
      'One booking with its resource, slot, units, status and any fee. Visible to the same callers as in the list; anything else is 404.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiAuthProblems(400, 404)
  getBooking(
    @CurrentPrincipal() principal: Principal,
    @Param('id', bookingId()) id: string,
  ): Promise<BookingDto> {
    return this.bookings.getBooking(principal, id);
  }

  @Post(':id/confirm')
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Confirm a requested booking (staff of the operating department)',
    description:
      'Staff of the department that operates the resource confirm a requested booking. A booking no longer requested is 409.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiAuthProblems(400, 404, 409)
  confirmBooking(
    @CurrentPrincipal() principal: Principal,
    @Param('id', bookingId()) id: string,
  ): Promise<BookingDto> {
    return this.bookings.confirm(principal, id);
  }

  @Post(':id/decline')
  @Roles('OFFICER', 'DEPARTMENT_HEAD', 'ADMIN')
  @HttpCode(200)
  @Idempotent()
  @ApiOperation({
    summary: 'Decline a requested booking with a reason; the slot is free again',
    description:
      'Staff of the department that operates the resource decline a requested booking with a reason; the units are free again. A booking no longer requested is 409.',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiAuthProblems(400, 404, 409)
  declineBooking(
    @CurrentPrincipal() principal: Principal,
    @Param('id', bookingId()) id: string,
    @Body() body: DeclineBookingDto,
  ): Promise<BookingDto> {
    return this.bookings.decline(principal, id, body);
  }

  @Post(':id/cancel')
  @Roles('ENTERPRISE_ADMIN', 'ENTERPRISE_MEMBER')
  @Scopes('bookings:write')
  @HttpCode(200)
  @Idempotent()
  @ApiBody({ type: CancelBookingDto, required: false })
  @ApiOperation({
    summary: "Cancel your booking under the resource's rule",
    description:
      'Free until the free-cancellation window; after it the resource either refuses (422) or charges the price (`cancellationFeeCny`).',
  })
  @ApiOkResponse({ type: BookingDto })
  @ApiAuthProblems(400, 404, 409, 422)
  cancelBooking(
    @CurrentPrincipal() principal: Principal,
    @Param('id', bookingId()) id: string,
    @Body() body: CancelBookingDto,
  ): Promise<BookingDto> {
    return this.bookings.cancel(principal, id, body);
  }
}
