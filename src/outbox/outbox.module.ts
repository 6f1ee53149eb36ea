import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';
import { OutboxSignal } from './outbox-signal.service';
import { OutboxService } from './outbox.service';

/** Writing outbox rows, in every process. */
@Module({ providers: [OutboxService, OutboxSignal], exports: [OutboxService, OutboxSignal] })
export class OutboxModule {}

/** The relay runs in worker processes only. */
@Module({ imports: [OutboxModule], providers: [OutboxRelay], exports: [OutboxRelay] })
export class OutboxRelayModule {}
