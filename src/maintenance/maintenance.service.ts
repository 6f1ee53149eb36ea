import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApplicationTimers } from '../applications/application-timers.service';
import { CertificatesService } from '../certificates/certificates.service';
import { Clock } from '../common/clock/clock';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { AppConfig } from '../config/app-config';
import { MaterialsService } from '../materials/materials.service';
import { TasksService } from '../tasks/tasks.service';

const SWEEP_LOCK_KEY = 7_352_013;

export interface SweepReport {
  slaEvaluated: number;
  claimsReleased: number;
  autoConfirmed: number;
  impliedActions: number;
  remindersSent: number;
  idempotencyKeysPurged: number;
  orphanFilesRemoved: number;
}

/**
 * The sweeps behind the timers: whatever a lost delayed job would have done, the next sweep
 * does. One worker at a time runs them (advisory lock); tests call runSweeps directly.
 */
@Injectable()
export class MaintenanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceService.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timers: ApplicationTimers,
    private readonly tasks: TasksService,
    private readonly certificates: CertificatesService,
    private readonly materials: MaterialsService,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runSweepsIfFirst()
        .catch((error) => this.logger.warn(`Sweep failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, this.config.SWEEP_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async runSweeps(now: Date = this.clock.now()): Promise<SweepReport> {
    return {
      slaEvaluated: await this.timers.sweepSla(now),
      claimsReleased: await this.tasks.releaseIdleClaims(now),
      autoConfirmed: await this.timers.sweepConfirmations(now),
      impliedActions: await this.timers.sweepImpliedActions(now),
      remindersSent: await this.certificates.remindExpiring(now),
      idempotencyKeysPurged: await this.idempotency.purgeExpired(),
      orphanFilesRemoved: (await this.materials.sweepOrphanFiles(now)).removed,
    };
  }

  private async runSweepsIfFirst(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock($1) AS locked`, [
        SWEEP_LOCK_KEY,
      ]);
      if (!locked) return;
      try {
        await this.runSweeps();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [SWEEP_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
}
