// Where unfinished resumable uploads wait: a folder on this machine by default (@tus/file-store),
// or the S3 bucket when files live there (@tus/s3-store), with the upload lock shared through Redis
// — so an upload begun on one web instance resumes on another.
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { S3Store, type MetadataValue } from '@tus/s3-store';
import { ERRORS, IoRedisKvStore, type DataStore, type Locker } from '@tus/utils';
import { Redis } from 'ioredis';
import { RedisLocker } from './redis-locker.js';

export interface Staging {
  kind: 'local' | 's3';
  datastore: DataStore;
  /** Shared with the other instances; none: tus's lock in this process's memory. */
  locker?: Locker;
  /** Names new uploads (the bucket holds them beside the studio's files). */
  namingFunction?: () => string;
  /** The finished upload as a file on this machine while `use` runs. */
  withFile<T>(id: string, use: (file: string) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function localStaging(dir: string, expiryMs: number): Staging {
  const datastore = new FileStore({ directory: dir, expirationPeriodInMilliseconds: expiryMs });
  return {
    kind: 'local',
    datastore,
    withFile: (id, use) => use(path.join(dir, id)),
    close: async () => undefined,
  };
}

export interface S3StagingOptions {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Keeps the staged objects recognisable in a shared bucket: S3_PREFIX without slashes. */
  prefix: string;
  expiryMs: number;
  /** Where a finished upload is copied to be taken (then removed). */
  workDir: string;
  /** Without Redis, uploads resume only on the instance that began them. */
  redisUrl?: string;
}

/**
 * @tus/s3-store removes an upload by aborting its multipart upload first; a finished one has none
 * left (it became the object), so its staged object and info would stay in the bucket for good.
 */
class StagingS3Store extends S3Store {
  override async remove(id: string): Promise<void> {
    try {
      await super.remove(id);
    } catch (err) {
      if (err !== ERRORS.FILE_NOT_FOUND) throw err;
      await this.client.deleteObjects({ Bucket: this.bucket, Delete: { Objects: [{ Key: id }, { Key: this.infoKey(id) }] } });
      await this.clearCache(id);
    }
  }
}

export function s3Staging(o: S3StagingOptions): Staging {
  const redis = o.redisUrl ? [new Redis(o.redisUrl), new Redis(o.redisUrl)] : null;
  const datastore = new StagingS3Store({
    // What an upload is (its S3 multipart id, size, name), read by every instance: kept in Redis when
    // there is one, else in this process (one instance only).
    ...(redis ? { cache: new IoRedisKvStore<MetadataValue>(redis[0]!, `${o.prefix.replace(/\//g, '-')}tus-info:`) } : {}),
    // S3's smallest part; an interrupted part waits as its own object until the rest arrives.
    partSize: 8 * 2 ** 20,
    expirationPeriodInMilliseconds: o.expiryMs,
    // Object tags are for bucket lifecycle rules; not every S3-compatible store has them, and the
    // retention job removes expired uploads itself (deleteExpired).
    useTags: false,
    s3ClientConfig: {
      bucket: o.bucket,
      region: o.region,
      // Parts stream with their length known: no aws-chunked checksum trailers, which not every
      // S3-compatible store reads (s3rver kept them in the object).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      ...(o.endpoint ? { endpoint: o.endpoint } : {}),
      ...(o.forcePathStyle !== undefined ? { forcePathStyle: o.forcePathStyle } : {}),
      ...(o.credentials ? { credentials: o.credentials } : {}),
    },
  });
  const namePrefix = `${o.prefix.replace(/\//g, '-')}staging-`;
  return {
    kind: 's3',
    datastore,
    ...(redis ? { locker: new RedisLocker(redis[0]!, redis[1]!) } : {}),
    namingFunction: () => `${namePrefix}${randomBytes(16).toString('hex')}`,
    async withFile(id, use) {
      await mkdir(o.workDir, { recursive: true });
      const dir = await mkdtemp(path.join(o.workDir, 'staged-'));
      try {
        const file = path.join(dir, 'upload');
        await pipeline(await datastore.read(id), createWriteStream(file));
        return await use(file);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async close() {
      if (redis) await Promise.all(redis.map((r) => r.quit().catch(() => r.disconnect())));
    },
  };
}
