// A port for a server a test starts itself (a Redis, the real service): free when asked.
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A port nobody listens on now (the kernel's choice, released at once). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  await once(probe, 'close');
  return port;
}
