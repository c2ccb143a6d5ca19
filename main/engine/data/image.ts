// Decoding one image file into model input: resized to H x W, C channels (1 grey, 3 RGB),
// values in [0, 1]. Shared by the folder dataset and `reswire predict`.
import sharp from 'sharp';
import { DataError } from './types';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp'];

export function isImageFile(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((e) => lower.endsWith(e));
}

/** Width, height and channel count (1 or 3, alpha ignored) of an image file. */
export async function imageSize(file: string): Promise<[number, number, number]> {
  try {
    const m = await sharp(file).metadata();
    const channels = m.channels === 1 || m.channels === 2 ? 1 : 3;
    return [m.height ?? 0, m.width ?? 0, channels];
  } catch (e) {
    throw new DataError(`Could not read the image ${file} (${(e as Error).message}); is it a PNG or JPEG file?`);
  }
}

/** Decodes `file` into `out` at `offset` as shape [h, w, c] (center-cropped to the aspect ratio). */
export async function decodeImageInto(file: string, shape: readonly number[], out: Float32Array, offset: number): Promise<void> {
  const [h, w, c] = shape;
  if (c !== 1 && c !== 3) {
    throw new DataError(`Images can be fed to an Input with 1 (grey) or 3 (RGB) channels, not ${c}; change the Input's channels.`);
  }
  let pipeline = sharp(file).flatten({ background: '#000000' }).resize(w, h, { fit: 'cover' });
  pipeline = c === 1 ? pipeline.grayscale() : pipeline.toColourspace('srgb');
  let data: Buffer;
  let channels: number;
  try {
    const r = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
    data = r.data;
    channels = r.info.channels;
  } catch (e) {
    throw new DataError(`Could not read the image ${file} (${(e as Error).message}); is it a PNG or JPEG file?`);
  }
  const pixels = h * w;
  for (let p = 0; p < pixels; p++) {
    for (let k = 0; k < c; k++) {
      // sharp may hand back 3 channels for a grey request or 1 for RGB: map either way.
      const src = channels === c ? p * channels + k : channels === 1 ? p : p * channels;
      out[offset + p * c + k] = data[src] / 255;
    }
  }
}
