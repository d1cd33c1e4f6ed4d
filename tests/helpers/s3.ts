// s3rver on loopback, one per test file, with a fresh bucket directory. s3rver lacks two calls
// of the multipart API that resumable staging in S3 makes (@tus/s3-store: ListParts to find how far
// an upload got, AbortMultipartUpload to drop one): they are answered here from s3rver's own
// folder of parts, in S3's XML, before its router sees them.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { S3ObjectStore } from '../../storage/s3-store.js';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The studio's file store on this server, under `prefix`. */
  store(prefix?: string): S3ObjectStore;
  /** Bytes of multipart uploads' parts stored so far (read from s3rver's folder: asking over S3 would be a request of its own). */
  partBytes(): number;
  stop(): Promise<void>;
}

export async function startS3(bucket = 'mixdesk-test'): Promise<TestS3> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixdesk-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: bucket, configs: [] }] });
  (server as unknown as { middleware: unknown[] }).middleware.unshift(multipartExtras(dir));
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    store: (prefix) =>
      new S3ObjectStore({ bucket, region: 'us-east-1', endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', ...(prefix ? { prefix } : {}) }),
    partBytes: () => {
      const uploads = path.join(dir, bucket, '._S3rver_uploads');
      if (!existsSync(uploads)) return 0;
      let bytes = 0;
      for (const id of readdirSync(uploads))
        for (const part of readdirSync(path.join(uploads, id))) if (/^\d+$/.test(part)) bytes += statSync(path.join(uploads, id, part)).size;
      return bytes;
    },
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  status: number;
  body: unknown;
  type: string;
}

/** ListParts and AbortMultipartUpload over s3rver's folder of parts (<dir>/<bucket>/._S3rver_uploads/<upload id>/<part number>). */
function multipartExtras(dir: string) {
  return async (ctx: KoaContext, next: () => Promise<void>) => {
    const uploadId = ctx.query.uploadId;
    const [, bucket, ...key] = ctx.path.split('/');
    if (!uploadId || !bucket || !key.length || (ctx.method !== 'GET' && ctx.method !== 'DELETE')) return next();
    const parts = path.join(dir, bucket, '._S3rver_uploads', uploadId);
    if (!existsSync(parts)) {
      ctx.status = 404;
      ctx.type = 'application/xml';
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${uploadId}</UploadId></Error>`;
      return;
    }
    if (ctx.method === 'DELETE') {
      rmSync(parts, { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    const numbers = readdirSync(parts)
      .filter((n) => /^\d+$/.test(n))
      .map(Number)
      .sort((a, b) => a - b);
    const xml = numbers.map((n) => {
      const file = path.join(parts, String(n));
      const md5 = readFileSync(`${file}.md5`, 'utf8').trim();
      const s = statSync(file);
      return `<Part><PartNumber>${n}</PartNumber><LastModified>${s.mtime.toISOString()}</LastModified><ETag>"${md5}"</ETag><Size>${s.size}</Size></Part>`;
    });
    ctx.status = 200;
    ctx.type = 'application/xml';
    ctx.body = `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Bucket>${bucket}</Bucket><Key>${key.join('/')}</Key><UploadId>${uploadId}</UploadId><PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>${numbers.at(-1) ?? 0}</NextPartNumberMarker><MaxParts>10000</MaxParts><IsTruncated>false</IsTruncated>${xml.join('')}</ListPartsResult>`;
  };
}
