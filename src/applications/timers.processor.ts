import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { JobPayloads, QUEUES } from '../queues/queues';
import { ApplicationTimers } from './application-timers.service';

/** Delayed jobs at the instants time limits and confirmations fall due. */
@Processor(QUEUES.TIMERS)
export class TimersProcessor {
  constructor(private readonly timers: ApplicationTimers) {}

  @Process({ name: 'sla.check', concurrency: 4 })
  checkSla(job: Job<JobPayloads['sla.check']>) {
    return this.timers.checkSla(job.data);
  }

  @Process({ name: 'stage.implied', concurrency: 2 })
  takeImpliedAction(job: Job<JobPayloads['stage.implied']>) {
    return this.timers.takeImpliedAction(job.data);
  }

  @Process({ name: 'confirmation.auto', concurrency: 2 })
  autoConfirm(job: Job<JobPayloads['confirmation.auto']>) {
    return this.timers.autoConfirm(job.data);
  }
}
