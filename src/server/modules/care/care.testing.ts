/** Test helpers for care: a needy household with members, a photo upload, and row counts. */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { Client, TestContext } from '../../test/harness';
import { createHousehold, createResident, type TestPlaces } from '../../test/places-factory';
import { uploadPhoto } from '../uploads/uploads.testing';

export async function needyHousehold(ctx: TestContext, places: TestPlaces, buildingIndex = 0, tags: string[] = ['elderly_alone', 'dibao']) {
  const home = await createHousehold(ctx.database, places, buildingIndex);
  const head = await createResident(ctx.database, places.community.id, home, { tags, birthDate: '1948-06-02', gender: 'male' });
  const spouse = await createResident(ctx.database, places.community.id, home, { relationToHead: '配偶', birthDate: '1951-02-11', tags: ['disabled'] });
  return { home, head, spouse };
}

/** A real picture uploaded by the client (different bytes each time, so each gets its own id). */
export async function photo(ctx: TestContext, as: Client): Promise<string> {
  const [r, g, b] = randomBytes(3);
  const image = await sharp({ create: { width: 32, height: 32, channels: 3, background: { r: r!, g: g!, b: b! } } }).jpeg().toBuffer();
  const res = await uploadPhoto(ctx.app, as.cookie, image);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export async function count(ctx: TestContext, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [row] = await ctx.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return row!.n;
}
