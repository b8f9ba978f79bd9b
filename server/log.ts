/** Structured JSON logging (pino); one root logger, children per component. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'summit-graph' },
    redact: { paths: ['password', '*.password', 'req.headers.authorization'], remove: true },
  });
}
