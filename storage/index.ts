// Chooses the ObjectStore from configuration.
import path from 'node:path';
import type { Config } from '../config.js';
import { LocalObjectStore } from './local-store.js';
import type { ObjectStore } from './object-store.js';
import { S3ObjectStore } from './s3-store.js';

export type { ObjectStore, ObjectInfo } from './object-store.js';

export function createObjectStore(c: Config): ObjectStore {
  if (c.STORAGE_DRIVER === 's3') {
    return new S3ObjectStore({
      bucket: c.S3_BUCKET!,
      region: c.S3_REGION,
      ...(c.S3_ENDPOINT ? { endpoint: c.S3_ENDPOINT } : {}),
      ...(c.S3_FORCE_PATH_STYLE !== undefined ? { forcePathStyle: c.S3_FORCE_PATH_STYLE } : {}),
      ...(c.S3_ACCESS_KEY_ID ? { accessKeyId: c.S3_ACCESS_KEY_ID } : {}),
      ...(c.S3_SECRET_ACCESS_KEY ? { secretAccessKey: c.S3_SECRET_ACCESS_KEY } : {}),
      prefix: c.S3_PREFIX,
    });
  }
  return new LocalObjectStore(path.resolve(c.DATA_DIR, 'objects'));
}
