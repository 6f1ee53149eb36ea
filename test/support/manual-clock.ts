import { Clock } from '../../src/common/clock/clock';

/** A clock tests move by hand, so time limits can be tested without waiting for days. */
export class ManualClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date): void {
    this.current = new Date(instant);
  }

  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** An instant given in Asia/Shanghai local time. */
export const shanghai = (local: string) => new Date(`${local}+08:00`);
