// pino, pretty on a terminal and JSON otherwise. Logs go to stderr so the console chat owns stdout.
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

/**
 * The private links' secrets: an upload page, a download, a pay link, a listening room, a dashboard
 * sign-in. A link in a log line (a failed request's URL, an error quoting it) would let whoever
 * reads the logs open it, so its token is cut out of every line before it is written.
 */
const LINK_TOKEN = /(\/(?:u|d|pay|listen|studio\/login)\/)[^\s"'/?#\\]+/g;

export function redactLinks(line: string): string {
  return line.replace(LINK_TOKEN, '$1[redacted]');
}

/** Appends the log to a file (its folder made if needed). */
export const logFileDestination = (file: string): DestinationStream => pino.destination({ dest: file, mkdir: true, append: true });

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const stream = destination ?? (process.stderr.isTTY ? pretty({ destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' }) : pino.destination(2));
  return pino({ level, base: { app: 'mixdesk' }, serializers: { err: pino.stdSerializers.err }, hooks: { streamWrite: redactLinks } }, stream);
}
