// pino, pretty on a terminal and JSON otherwise. Logs go to stderr so the console chat owns stdout.
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';

export function createLogger(level: string): Logger {
  const stream = process.stderr.isTTY ? pretty({ destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' }) : pino.destination(2);
  return pino({ level, base: { app: 'mixdesk' }, serializers: { err: pino.stdSerializers.err } }, stream);
}
