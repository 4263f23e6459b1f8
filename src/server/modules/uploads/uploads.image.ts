/**
 * What an uploaded file really is, decided from its bytes (magic numbers) — never from its name or
 * the Content-Type a client claims — and a clean re-encoding of it: decoding and encoding again
 * with sharp drops everything that is not pixels (EXIF with GPS position, XMP, comments, trailing
 * payloads), applies the EXIF orientation first so the picture stays upright, and bounds its size.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../../platform/errors';

export const imageMimes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageMime = (typeof imageMimes)[number];

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Longest side after re-encoding: plenty for a photo of a broken lamp, a tenth of a phone's raw size. */
const MAX_SIDE = 4096;
/** Decompression bombs: refuse images that would decode to more pixels than this. */
const MAX_INPUT_PIXELS = 80_000_000;

export const extensionOf: Record<ImageMime, 'jpg' | 'png' | 'webp'> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

const startsWith = (bytes: Buffer, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/** The image type from the first bytes, or null for anything else (SVG, PDF, HTML, executables…). */
export function sniffImage(bytes: Buffer): ImageMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

export interface CleanImage {
  data: Buffer;
  mime: ImageMime;
  width: number;
  height: number;
  sha256: string;
}

const sharpFormat: Record<ImageMime, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

const unreadable = () => new AppError('validation_failed', [{ field: 'file', code: 'image_unreadable', message: 'image_unreadable' }]);

/** Sniffs, decodes fully (truncated or corrupt data fails) and re-encodes in the same format. */
export async function cleanImage(bytes: Buffer): Promise<CleanImage> {
  if (bytes.length === 0) throw new AppError('validation_failed', [{ field: 'file', code: 'file_required', message: 'file_required' }]);
  const mime = sniffImage(bytes);
  if (!mime) throw new AppError('unsupported_media_type', [{ field: 'file', code: 'image_type', message: 'image_type' }]);

  const input = () => sharp(bytes, { failOn: 'truncated', limitInputPixels: MAX_INPUT_PIXELS, animated: false });
  let format: string | undefined;
  try {
    format = (await input().metadata()).format;
  } catch {
    throw unreadable();
  }
  // Magic number of one format, body of another: not what it claims to be.
  if (format !== sharpFormat[mime]) throw unreadable();

  let pipeline = input().rotate().resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
  if (mime === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 82, mozjpeg: true });
  else if (mime === 'image/png') pipeline = pipeline.png({ compressionLevel: 9 });
  else pipeline = pipeline.webp({ quality: 82 });

  try {
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { data, mime, width: info.width, height: info.height, sha256: createHash('sha256').update(data).digest('hex') };
  } catch {
    throw unreadable();
  }
}
