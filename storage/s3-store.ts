// S3 and S3-compatible servers (MinIO, R2, s3rver in tests): multipart uploads through
// @aws-sdk/lib-storage, path-style addressing when asked, presigned URLs for direct transfers.
// The sha256 is computed while streaming and kept as object metadata.
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { measuring } from './hashing.js';
import { assertSafeKey, contentDisposition, ObjectNotFoundError, type ByteRange, type ObjectInfo, type ObjectStore } from './object-store.js';

export interface S3Settings {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Key prefix inside the bucket (e.g. "mixdesk/"), so several deployments can share one. */
  prefix?: string;
}

const isNotFound = (err: unknown) => {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
};

export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly prefix: string;

  constructor(private readonly s: S3Settings) {
    const config: S3ClientConfig = { region: s.region, forcePathStyle: s.forcePathStyle ?? Boolean(s.endpoint) };
    if (s.endpoint) config.endpoint = s.endpoint;
    if (s.accessKeyId && s.secretAccessKey) config.credentials = { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey };
    this.client = new S3Client(config);
    this.prefix = s.prefix ?? '';
  }

  private k(key: string): string {
    assertSafeKey(key);
    if (key.endsWith('.sha256')) throw new Error(`unsafe storage key "${key}"`);
    return `${this.prefix}${key}`;
  }

  async put(key: string, body: Readable | Uint8Array, opts: { contentType?: string } = {}): Promise<ObjectInfo & { sha256: string }> {
    const measured = measuring();
    const counted = (body instanceof Uint8Array ? Readable.from([body]) : body).pipe(measured.stream);
    // Multipart with 8 MB parts: memory stays flat whatever the file size.
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.s.bucket, Key: this.k(key), Body: counted, ...(opts.contentType ? { ContentType: opts.contentType } : {}) },
      partSize: 8 * 1024 * 1024,
      queueSize: 2,
    });
    await upload.done();
    const { sha256, size } = measured.result();
    // The hash is known only once the stream has ended, and S3 metadata cannot change without
    // rewriting the object, so it goes into a small companion object "<key>.sha256".
    await this.client.send(new PutObjectCommand({ Bucket: this.s.bucket, Key: `${this.k(key)}.sha256`, Body: sha256, ContentType: 'text/plain' }));
    return { key, size, sha256, contentType: opts.contentType ?? null, modified: new Date() };
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const r = await this.client.send(
        new GetObjectCommand({ Bucket: this.s.bucket, Key: this.k(key), ...(range ? { Range: `bytes=${range.start}-${range.end ?? ''}` } : {}) }),
      );
      return r.Body as Readable;
    } catch (err) {
      if (isNotFound(err)) throw new ObjectNotFoundError(key);
      throw err;
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const h = await this.client.send(new HeadObjectCommand({ Bucket: this.s.bucket, Key: this.k(key) }));
      return { key, size: h.ContentLength ?? 0, sha256: await this.sha256Of(key), contentType: h.ContentType ?? null, modified: h.LastModified ?? new Date(0) };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  private async sha256Of(key: string): Promise<string | null> {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.s.bucket, Key: `${this.k(key)}.sha256` }));
      const text = (await r.Body?.transformToString())?.trim() ?? '';
      return /^[0-9a-f]{64}$/.test(text) ? text : null;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s.bucket, Key: this.k(key) }));
    await this.client.send(new DeleteObjectCommand({ Bucket: this.s.bucket, Key: `${this.k(key)}.sha256` }));
  }

  async list(prefix: string): Promise<ObjectInfo[]> {
    const out: ObjectInfo[] = [];
    let token: string | undefined;
    do {
      const r = await this.client.send(new ListObjectsV2Command({ Bucket: this.s.bucket, Prefix: `${this.prefix}${prefix}`, ContinuationToken: token }));
      for (const o of r.Contents ?? []) {
        const key = (o.Key ?? '').slice(this.prefix.length);
        if (!key || key.endsWith('.sha256')) continue;
        out.push({ key, size: o.Size ?? 0, sha256: null, contentType: null, modified: o.LastModified ?? new Date(0) });
      }
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
    for (const o of out) o.sha256 = await this.sha256Of(o.key);
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  presignGet(key: string, expiresInSec: number, downloadName?: string): Promise<string> {
    // With a name, S3 answers with it as the attachment's file name (not the key's last segment).
    const disposition = downloadName ? { ResponseContentDisposition: contentDisposition(downloadName) } : {};
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.s.bucket, Key: this.k(key), ...disposition }), { expiresIn: expiresInSec });
  }

  presignPut(key: string, expiresInSec: number): Promise<string> {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: this.s.bucket, Key: this.k(key) }), { expiresIn: expiresInSec });
  }
}
