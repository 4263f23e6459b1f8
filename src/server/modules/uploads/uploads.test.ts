import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor';
import { createTestApp, createTree, signedIn, type TestContext, type TestTree } from '../../test/harness';
import { photoWithGps, pngImage, uploadPhoto, webpImage } from './uploads.testing';

let ctx: TestContext;
let tree: TestTree;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'tx-uploads-'));
  ctx = await createTestApp({ config: { dataDir } });
  tree = await createTree(ctx.database);
});
afterAll(async () => {
  await ctx.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const uploadCount = async () => (await ctx.database.query<{ n: number }>('SELECT count(*)::int AS n FROM upload'))[0]!.n;
const storedFiles = (): string[] => {
  const root = path.join(dataDir, 'uploads');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
};
const getFile = (id: string, cookie: string | null) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1/uploads/${id}`, headers: cookie ? { cookie } : {} });

describe('a resident uploads a photo from the phone', () => {
  it('stores a clean re-encoding: same size, EXIF and GPS gone, named by its content hash', async () => {
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    const original = await photoWithGps(640, 480);
    expect((await sharp(original).metadata()).exif).toBeDefined();

    const res = await uploadPhoto(ctx.app, resident.cookie, original, { filename: 'IMG_0001.JPG' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ communityId: tree.communityA1.id, mime: 'image/jpeg', width: 640, height: 480, url: `/api/v1/uploads/${res.body.id}` });

    const file = await getFile(res.body.id, resident.cookie);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    const meta = await sharp(file.rawPayload).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(640);

    const [row] = await ctx.database.query<{ sha256: string }>('SELECT sha256 FROM upload WHERE id = $1', [res.body.id]);
    expect(storedFiles()).toContain(`${row!.sha256}.jpg`);
    const [audit] = await ctx.database.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'upload' AND entity_id = $1`, [res.body.id]);
    expect(audit?.action).toBe('upload.create');
  });

  it('accepts PNG and WebP, judged by their bytes whatever the file is called', async () => {
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    const png = await uploadPhoto(ctx.app, resident.cookie, await pngImage(), { filename: 'photo.jpg', contentType: 'image/jpeg' });
    expect(png.status).toBe(201);
    expect(png.body.mime).toBe('image/png');
    const webp = await uploadPhoto(ctx.app, resident.cookie, await webpImage(), { filename: 'x.bin', contentType: 'application/octet-stream' });
    expect(webp.status).toBe(201);
    expect(webp.body.mime).toBe('image/webp');
  });

  it('a phone retrying the same photo gets the same upload back, stored once', async () => {
    const resident = await signedIn(ctx, [['resident', tree.communityA1]]);
    const photo = await photoWithGps(320, 200, { r: 1, g: 2, b: 3 });
    const before = await uploadCount();
    const [a, b] = await Promise.all([uploadPhoto(ctx.app, resident.cookie, photo), uploadPhoto(ctx.app, resident.cookie, photo)]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
    expect(await uploadCount()).toBe(before + 1);
  });
});

describe('what is refused, with nothing stored', () => {
  let resident: Awaited<ReturnType<typeof signedIn>>;
  beforeAll(async () => {
    resident = await signedIn(ctx, [['resident', tree.communityA2]]);
  });

  async function refused(file: Buffer, status: number, code: string, opts: { filename?: string; contentType?: string } = {}) {
    const rows = await uploadCount();
    const files = storedFiles().length;
    const res = await uploadPhoto(ctx.app, resident.cookie, file, opts);
    expect(res.status).toBe(status);
    expect(res.body.error.details?.[0]?.code ?? res.body.error.code).toBe(code);
    expect(await uploadCount()).toBe(rows);
    expect(storedFiles().length).toBe(files);
    return res;
  }

  it('an SVG with a script (415)', async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
    await refused(svg, 415, 'image_type', { filename: 'cat.svg', contentType: 'image/svg+xml' });
  });

  it('a text file renamed .jpg and sent as image/jpeg (415)', async () => {
    await refused(Buffer.from('MZ this is an executable, honestly'.repeat(20)), 415, 'image_type', { filename: 'photo.jpg', contentType: 'image/jpeg' });
  });

  it('a truncated JPEG (400, with a message saying so)', async () => {
    const photo = await photoWithGps(800, 600);
    const res = await refused(photo.subarray(0, Math.floor(photo.length * 0.6)), 400, 'image_unreadable');
    expect(res.body.error.details[0].message).toBe('图片已损坏或不完整，请重新拍摄');
  });

  it('a JPEG header on something that is not a JPEG (400)', async () => {
    await refused(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]), 400, 'image_unreadable');
  });

  it('more than 10 MB (413)', async () => {
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 + 10, 1)]);
    await refused(big, 413, 'file_too_large');
  });

  it('an empty file (400) and a JSON body instead of a file (415)', async () => {
    await refused(Buffer.alloc(0), 400, 'file_required');
    const json = await resident.post('/api/v1/uploads', { file: 'base64…' });
    expect(json.status).toBe(415);
  });

  it('the audit admin may not upload (403); nobody signed out may (401)', async () => {
    const auditor = await signedIn(ctx, [['audit_admin', tree.district]]);
    expect((await uploadPhoto(ctx.app, auditor.cookie, await pngImage())).status).toBe(403);
    expect((await uploadPhoto(ctx.app, null, await pngImage())).status).toBe(401);
  });
});

describe('which community an upload belongs to', () => {
  it('street staff must name a community of their street; another street’s is 404', async () => {
    const street = await signedIn(ctx, [['street_staff', tree.streetA]]);
    const photo = await pngImage(10, 10);
    const missing = await uploadPhoto(ctx.app, street.cookie, photo);
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0]).toMatchObject({ field: 'querystring.communityId', code: 'community_required' });
    expect((await uploadPhoto(ctx.app, street.cookie, photo, { query: `?communityId=${tree.communityA2.id}` })).status).toBe(201);
    expect((await uploadPhoto(ctx.app, street.cookie, photo, { query: `?communityId=${tree.communityB1.id}` })).status).toBe(404);
  });
});

describe('who may fetch a photo', () => {
  let photoId: string;
  beforeAll(async () => {
    const owner = await signedIn(ctx, [['resident', tree.communityA1]]);
    photoId = (await uploadPhoto(ctx.app, owner.cookie, await photoWithGps(100, 100, { r: 9, g: 9, b: 9 }))).body.id;
  });

  it('staff of the community read it; a neighbour, another community’s staff and the system admin get 404', async () => {
    const staff = await signedIn(ctx, [['community_staff', tree.communityA1]]);
    expect((await getFile(photoId, staff.cookie)).statusCode).toBe(200);
    const neighbour = await signedIn(ctx, [['resident', tree.communityA1]]);
    expect((await getFile(photoId, neighbour.cookie)).statusCode).toBe(404);
    const otherStaff = await signedIn(ctx, [['community_staff', tree.communityA2]]);
    expect((await getFile(photoId, otherStaff.cookie)).statusCode).toBe(404);
    const sys = await signedIn(ctx, [['sys_admin', tree.district]]);
    expect((await getFile(photoId, sys.cookie)).statusCode).toBe(404);
    expect((await getFile(photoId, null)).statusCode).toBe(401);
  });
});

describe('other modules check attached photos with assertUsable', () => {
  it('accepts own photos of the community; refuses someone else’s and another community’s (404)', async () => {
    const uploads = ctx.app.services.uploads;
    const me = await signedIn(ctx, [['resident', tree.communityA1]]);
    const other = await signedIn(ctx, [['resident', tree.communityA1]]);
    const mine = (await uploadPhoto(ctx.app, me.cookie, await pngImage(12, 12))).body.id as string;
    const theirs = (await uploadPhoto(ctx.app, other.cookie, await pngImage(13, 13))).body.id as string;
    const actorOf = async (client: { cookie: string | null }) => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: client.cookie! } });
      const body = JSON.parse(res.body) as { id: string };
      return { ...systemActor(), kind: 'account' as const, accountId: body.id, grants: [] };
    };
    const actor = await actorOf(me);
    await ctx.database.db.transaction(async (tx) => {
      await uploads.assertUsable(tx, actor, [mine, mine], tree.communityA1.id);
    });
    await expect(ctx.database.db.transaction((tx) => uploads.assertUsable(tx, actor, [mine, theirs], tree.communityA1.id))).rejects.toMatchObject({ code: 'not_found' });
    await expect(ctx.database.db.transaction((tx) => uploads.assertUsable(tx, actor, [mine], tree.communityA2.id))).rejects.toMatchObject({ code: 'not_found' });
  });
});
