// tus's upload lock shared through Redis, for several web instances: a PATCH on one instance and
// a resume on another never write the same upload at once. tus's own MemoryLocker is the model:
// whoever wants a held lock asks its holder to let go (requestRelease: the holder's request is
// ended, as a half-open connection's would be), then waits for it, bounded. A lock is a key with
// an expiry renewed while held, so an instance that dies holding one frees it within LOCK_TTL_MS.
import { randomBytes } from 'node:crypto';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/utils';
import type { Redis } from 'ioredis';

const LOCK_TTL_MS = 10_000;
const RETRY_MS = 100;
/** The longest a request waits for an upload another request holds (tus's default). */
const ACQUIRE_TIMEOUT_MS = 30_000;

// Deletes or renews the key only while it is still this holder's.
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

export class RedisLocker implements Locker {
  /** Requests holding a lock here, by upload id: asked to let go when another instance wants it. */
  readonly held = new Map<string, RequestRelease>();
  private subscribed: Promise<unknown> | undefined;

  constructor(
    private readonly redis: Redis,
    /** A second connection: a subscribed one can do nothing else. */
    private readonly subscriber: Redis,
    readonly prefix = 'mixdesk:tus-lock:',
  ) {}

  newLock(id: string): Lock {
    return new RedisLock(id, this);
  }

  key(id: string): string {
    return `${this.prefix}${id}`;
  }

  channel(id: string): string {
    return `${this.prefix}release:${id}`;
  }

  /** Listens for other instances' requests to release the locks held here. */
  listen(): Promise<unknown> {
    this.subscribed ??= (async () => {
      this.subscriber.on('pmessage', (_pattern: string, channel: string) => {
        const id = channel.slice(`${this.prefix}release:`.length);
        void this.held.get(id)?.();
      });
      await this.subscriber.psubscribe(`${this.prefix}release:*`);
    })();
    return this.subscribed;
  }

  async take(id: string, token: string): Promise<boolean> {
    return (await this.redis.set(this.key(id), token, 'PX', LOCK_TTL_MS, 'NX')) === 'OK';
  }

  async renew(id: string, token: string): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.key(id), token, String(LOCK_TTL_MS))) === 1;
  }

  async release(id: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(id), token);
  }

  async askToRelease(id: string): Promise<void> {
    await this.redis.publish(this.channel(id), '1');
  }
}

class RedisLock implements Lock {
  private readonly token = randomBytes(12).toString('hex');
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly id: string,
    private readonly locker: RedisLocker,
  ) {}

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    await this.locker.listen();
    const until = Date.now() + ACQUIRE_TIMEOUT_MS;
    let asked = false;
    while (!(await this.locker.take(this.id, this.token))) {
      if (signal.aborted || Date.now() > until) throw ERRORS.ERR_LOCK_TIMEOUT;
      // The holder (here or on another instance) is asked once to let go; then we wait for it.
      if (!asked) {
        asked = true;
        const local = this.locker.held.get(this.id);
        if (local) await local();
        else await this.locker.askToRelease(this.id);
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
    this.locker.held.set(this.id, requestRelease);
    this.renewal = setInterval(() => void this.locker.renew(this.id, this.token).catch(() => undefined), LOCK_TTL_MS / 3);
    this.renewal.unref();
  }

  async unlock(): Promise<void> {
    clearInterval(this.renewal);
    this.locker.held.delete(this.id);
    await this.locker.release(this.id, this.token);
  }
}
