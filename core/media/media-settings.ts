import type { AppContext } from '../app.js';
import type { MediaSettings } from '../../shared/media-types.js';
import { DEFAULT_MEDIA_SETTINGS } from '../../shared/media-defaults.js';

export const MEDIA_SETTINGS_DOCUMENT = 'mediaSettings';

export function getMediaSettings(app: AppContext): MediaSettings {
  return { ...DEFAULT_MEDIA_SETTINGS, ...(app.settings.getDocument<Partial<MediaSettings>>(MEDIA_SETTINGS_DOCUMENT) ?? {}) };
}

export function setMediaSettings(app: AppContext, patch: Partial<MediaSettings>): MediaSettings {
  const next = { ...getMediaSettings(app), ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) };
  app.settings.setDocument(MEDIA_SETTINGS_DOCUMENT, next);
  return next;
}

/** Does an original need a small H.264 proxy for smooth playback on an old PC? */
export function needsProxy(
  f: { kind: string; videoCodec: string | null; bitRate: number | null; height: number | null },
  s: MediaSettings,
): boolean {
  if (f.kind !== 'video' || !f.videoCodec) return false;
  if (f.videoCodec !== 'h264') return true;
  return (f.bitRate ?? 0) > s.proxyMinBitRate || (f.height ?? 0) > 1080;
}
