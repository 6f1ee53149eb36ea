import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { JobPayloads, QUEUES } from '../queues/queues';
import { StageRunner } from './stage-runner.service';

/** Automated stages (completeness, risk screening, matching, routing, issuance). */
@Processor(QUEUES.STAGES)
export class StagesProcessor {
  constructor(private readonly stages: StageRunner) {}

  @Process({ name: 'stage.run', concurrency: 8 })
  runStage(job: Job<JobPayloads['stage.run']>) {
    return this.stages.runStage(job.data);
  }
}
