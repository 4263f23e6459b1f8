/**
 * Test helpers for modules that attach photos: real images made with sharp (optionally carrying
 * EXIF with a GPS position), a multipart body builder, and `uploadPhoto` through the API.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { App } from '../../platform/http/types';

export interface MultipartBody {
  payload: Buffer;
  headers: Record<string, string>;
}

export function multipartBody(file: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg', field = 'file'): MultipartBody {
  const boundary = `----tongxin${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A JPEG photo with camera EXIF and a GPS position (what a phone sends). */
export async function photoWithGps(width = 640, height = 480, color = { r: 180, g: 40, b: 40 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 49/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 13/1 0/1' },
    })
    .jpeg()
    .toBuffer();
}

export const pngImage = (width = 64, height = 64): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 128, b: 255, alpha: 0.5 } } }).png().toBuffer();

export const webpImage = (width = 64, height = 64): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 20, g: 200, b: 20 } } }).webp().toBuffer();

/** Uploads through the API with a session cookie; returns the status and parsed body. */
export async function uploadPhoto(app: App, cookie: string | null, file: Buffer, opts: { filename?: string; contentType?: string; query?: string } = {}) {
  const body = multipartBody(file, opts.filename, opts.contentType);
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/uploads${opts.query ?? ''}`,
    headers: { ...body.headers, ...(cookie ? { cookie } : {}) },
    payload: body.payload,
  });
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as any) : undefined, raw: res };
}
