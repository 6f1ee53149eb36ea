import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClusterSignals } from '../common/signals/cluster-signals.service';
import { AfterCommit } from '../database/after-commit.service';

/**
 * Wakes the outbox relay once rows it should send have committed. NOTIFY would do it inside
 * PostgreSQL, but a notifying transaction takes a database-wide lock at commit, which
 * serialises every write under load; so the committing process signals after COMMIT instead:
 * directly when it runs a relay itself, otherwise through Redis to the relays of the workers.
 * A lost signal costs latency only: the relay's sweep sends whatever is left.
 */
@Injectable()
export class OutboxSignal {
  private readonly localRelays = new Set<() => void>();
  private subscribed?: Promise<void>;
  private publishing = false;
  private publishAgain = false;
  private readonly signal = () => {
    if (this.localRelays.size > 0) this.localRelays.forEach((relay) => relay());
    else this.publish();
  };

  constructor(
    private readonly afterCommit: AfterCommit,
    private readonly signals: ClusterSignals,
  ) {}

  /** Called after outbox rows were written through `manager`: signals after its commit. */
  rowsWritten(manager: EntityManager): void {
    this.afterCommit.run(manager, this.signal);
  }

  /** A relay of this process: woken directly, and by the signals of other processes. */
  addRelay(wake: () => void): Promise<void> {
    this.localRelays.add(wake);
    this.subscribed ??= this.signals.subscribe('outbox', () =>
      this.localRelays.forEach((relay) => relay()),
    );
    return this.subscribed;
  }

  removeRelay(wake: () => void): void {
    this.localRelays.delete(wake);
  }

  /**
   * At most one PUBLISH in flight: commits meanwhile are covered by one more after it, since a
   * relay woken by the first may have read the outbox before they committed.
   */
  private publish(): void {
    if (this.publishing) {
      this.publishAgain = true;
      return;
    }
    this.publishing = true;
    void this.signals.publish('outbox').finally(() => {
      this.publishing = false;
      if (this.publishAgain) {
        this.publishAgain = false;
        this.publish();
      }
    });
  }
}
