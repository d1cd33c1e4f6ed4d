// The web server: starts the one web app (web/app.ts) on Node's HTTP server, and stops it.
import { mkdir } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Logger } from 'pino';
import type { Studio } from '../core/studio.js';
import { webApp, type WebAppOptions } from './app.js';

export interface WebOptions extends WebAppOptions {
  studio: Studio;
  log: Logger;
  host: string;
  port: number;
}

export interface WebServer {
  url: string;
  /** Takes the uploads a stopped process received whole but never took (run once after start). */
  recoverStaged(): Promise<number>;
  /** Removes unfinished uploads nobody resumed in time; returns how many. */
  cleanUpStaging(): Promise<number>;
  close(): Promise<void>;
}

export async function startWebServer(o: WebOptions): Promise<WebServer> {
  const { studio, log } = o;
  await mkdir(o.stagingDir, { recursive: true });
  const web = webApp(o);
  const server: HttpServer = createServer(getRequestListener(web.app.fetch));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = o.publicBaseUrl ?? `http://${o.host}:${port}`;
  studio.links.servedAt(url);
  log.info({ url }, 'web server listening');
  return {
    url,
    recoverStaged: web.recoverStaged,
    cleanUpStaging: web.cleanUpStaging,
    close: () =>
      new Promise<void>((resolve) => {
        studio.links.available = false;
        web.metrics?.dispose();
        server.closeAllConnections();
        server.close(() => resolve());
      }).then(() => web.close()),
  };
}
