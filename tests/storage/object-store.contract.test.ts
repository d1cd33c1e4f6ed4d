// One contract, two stores: local disk and S3 (s3rver over real HTTP on loopback).
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../storage/local-store.js';
import { ObjectNotFoundError, safeFileName, type ObjectStore } from '../../storage/object-store.js';
import { S3ObjectStore } from '../../storage/s3-store.js';
import { startS3, type TestS3 } from '../helpers/s3.js';

async function text(r: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of r) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const local = { root: '' };
let s3: TestS3;

const stores: [string, () => ObjectStore][] = [
  ['local disk', () => new LocalObjectStore(local.root)],
  [
    'S3 (s3rver)',
    () => new S3ObjectStore({ bucket: s3.bucket, region: 'us-east-1', endpoint: s3.endpoint, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: 'md/' }),
  ],
];

beforeAll(async () => {
  local.root = mkdtempSync(path.join(tmpdir(), 'mixdesk-store-'));
  s3 = await startS3();
});
afterAll(async () => {
  rmSync(local.root, { recursive: true, force: true });
  await s3?.stop();
});

describe.each(stores)('ObjectStore contract: %s', (_name, make) => {
  it('puts, heads, gets, ranges, lists by prefix and deletes', async () => {
    const store = make();
    const body = randomBytes(100_000);
    const put = await store.put('uploads/b1/a-mix.wav', body, { contentType: 'audio/wav' });
    expect(put).toMatchObject({ key: 'uploads/b1/a-mix.wav', size: 100_000, sha256: sha(body) });
    expect(await store.head('uploads/b1/a-mix.wav')).toMatchObject({ size: 100_000, sha256: sha(body) });
    expect((await text(await store.get('uploads/b1/a-mix.wav'))).equals(body)).toBe(true);
    expect((await text(await store.get('uploads/b1/a-mix.wav', { start: 10, end: 19 }))).equals(body.subarray(10, 20))).toBe(true);
    expect((await text(await store.get('uploads/b1/a-mix.wav', { start: 99_990 }))).equals(body.subarray(99_990))).toBe(true);
    await store.put('uploads/b1/b-vox.wav', Buffer.from('vox'));
    await store.put('uploads/b2/c.wav', Buffer.from('other booking'));
    expect((await store.list('uploads/b1/')).map((o) => o.key)).toEqual(['uploads/b1/a-mix.wav', 'uploads/b1/b-vox.wav']);
    expect((await store.list('uploads/b1/'))[1]!.sha256).toBe(sha(Buffer.from('vox')));
    await store.delete('uploads/b1/a-mix.wav');
    expect(await store.head('uploads/b1/a-mix.wav')).toBeNull();
    await expect(store.get('uploads/b1/a-mix.wav')).rejects.toThrow(ObjectNotFoundError);
    await store.delete('uploads/b1/never-existed.wav'); // not an error
  });

  it('streams a large body in and out with its sha256 (multipart on S3)', async () => {
    const store = make();
    const parts = 5;
    const part = randomBytes(4 * 1024 * 1024);
    const hash = createHash('sha256');
    for (let i = 0; i < parts; i++) hash.update(part);
    const stream = Readable.from(
      (function* () {
        for (let i = 0; i < parts; i++) yield part;
      })(),
    );
    const put = await store.put('deliveries/big.bin', stream);
    expect(put.size).toBe(parts * part.length);
    expect(put.sha256).toBe(hash.digest('hex'));
    const back = createHash('sha256');
    let n = 0;
    for await (const c of await store.get('deliveries/big.bin')) {
      back.update(c as Buffer);
      n += (c as Buffer).length;
    }
    expect(n).toBe(parts * part.length);
    expect(back.digest('hex')).toBe(put.sha256);
  });

  it('overwrites atomically: a reader sees the old or the new object, never a mix', async () => {
    const store = make();
    await store.put('x/same.txt', Buffer.from('old'));
    await store.put('x/same.txt', Buffer.from('new content'));
    expect((await text(await store.get('x/same.txt'))).toString()).toBe('new content');
  });

  it('refuses path tricks in keys', async () => {
    const store = make();
    for (const key of ['../escape.wav', '/etc/passwd', 'a/../../b', 'a//b', 'a/./b', 'a\\b', '', 'uploads/.hidden', 'ok/trailing..']) {
      await expect(store.put(key, Buffer.from('x')), key).rejects.toThrow(/unsafe storage key/);
    }
  });
});

describe('local store specifics', () => {
  it('a failed write leaves nothing under the key and no temporary file behind', async () => {
    const store = new LocalObjectStore(local.root);
    const failing = new Readable({
      read() {
        this.destroy(new Error('connection dropped'));
      },
    });
    await expect(store.put('uploads/broken.wav', failing)).rejects.toThrow('connection dropped');
    expect(await store.head('uploads/broken.wav')).toBeNull();
    expect(readdirSync(path.join(local.root, '.tmp'))).toEqual([]);
  });
});

describe('S3 specifics', () => {
  it('presigned GET and PUT URLs work over plain HTTP', async () => {
    const store = stores[1]![1]() as S3ObjectStore;
    await store.put('share/song.mp3', Buffer.from('mp3 bytes'));
    const get = await fetch(await store.presignGet('share/song.mp3', 60));
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('mp3 bytes');
    const put = await fetch(await store.presignPut('share/upload.wav', 60), { method: 'PUT', body: 'uploaded directly' });
    expect(put.status).toBe(200);
    expect((await text(await store.get('share/upload.wav'))).toString()).toBe('uploaded directly');
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\Lead Vox (final).wav', 'Lead_Vox_final_.wav'],
    ['..hidden', 'hidden'],
    ['mix..final...wav', 'mix.final.wav'],
    ['', 'file'],
    ['Ünïcödé Mix.flac', 'Unicode_Mix.flac'],
  ])('%s → %s', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});
