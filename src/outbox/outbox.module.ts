import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';

/** The relay runs in worker processes only. */
@Module({ providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
