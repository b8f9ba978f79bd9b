/**
 * Bounds how many console queries run at once, so heavy ad-hoc queries cannot take every
 * connection and every core from the explorer's own routes. Callers beyond the bound wait in a
 * short queue; when that is full or the wait is too long they get a 503 with Retry-After.
 */
import { AppError } from '../http/problems.ts';

/** Waiting callers per running slot, at most. */
const QUEUE_PER_SLOT = 4;
const RETRY_AFTER_SECONDS = 2;

export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Waits for a slot; resolve → call the returned release exactly once when done. */
  async acquire(): Promise<() => void> {
    if (this.running >= this.max) {
      if (this.waiting.length >= this.max * QUEUE_PER_SLOT) throw this.busy();
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          const at = this.waiting.indexOf(wake);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(this.busy());
        }, this.maxWaitMs);
        this.waiting.push(wake);
      });
    } else {
      this.running++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `running` stays the same.
      if (next) next();
      else this.running--;
    };
  }

  private busy(): AppError {
    return new AppError(
      'database-unavailable',
      `The Cypher console is running its maximum of ${this.max} queries at once; retry shortly.`,
      { busy: true },
      RETRY_AFTER_SECONDS,
    );
  }
}
