import pino from 'pino';

export type Logger = pino.Logger;

/** JSON logs on stdout, one line per event, UTC ISO timestamps. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'tandem-gateway' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', '*.password', 'password', 'token'], censor: '[redacted]' },
  });
}
