import {
  DISCLOSURE_SETTINGS_DOCUMENT,
  DISCLOSURE_SETTINGS_SCHEMA,
  type DisclosureSettings,
} from '../../shared/disclosure-settings.js';
import { REVIEW_SETTINGS_DOCUMENT } from '../../shared/review-settings.js';
import type { AppContext } from '../app.js';
import { invalid } from '../errors.js';

/**
 * The publish deadline was once also a review setting (`disclosureWorkdays` in the review settings
 * document). A bureau that changed it there and never saved the disclosure settings keeps its value:
 * it is read from the old place until the disclosure settings are saved (which stores it here).
 */
function legacyPublishWorkdays(app: AppContext): number | undefined {
  const review = app.settings.getDocument<Record<string, unknown>>(REVIEW_SETTINGS_DOCUMENT);
  const v = review?.disclosureWorkdays;
  return DISCLOSURE_SETTINGS_SCHEMA.shape.publishWorkdays.safeParse(v).success && typeof v === 'number' ? v : undefined;
}

export function loadDisclosureSettings(app: AppContext): DisclosureSettings {
  const stored = app.settings.getDocument<Record<string, unknown>>(DISCLOSURE_SETTINGS_DOCUMENT) ?? {};
  const withLegacy = stored.publishWorkdays === undefined ? { ...stored, publishWorkdays: legacyPublishWorkdays(app) } : stored;
  const parsed = DISCLOSURE_SETTINGS_SCHEMA.safeParse(withLegacy);
  return parsed.success ? parsed.data : DISCLOSURE_SETTINGS_SCHEMA.parse({});
}

export function updateDisclosureSettings(app: AppContext, patch: Partial<DisclosureSettings>): DisclosureSettings {
  if (patch.siteBaseUrl && !/^https?:\/\/[^\s"'<>]+$/.test(patch.siteBaseUrl)) {
    throw invalid('网站地址应以 http:// 或 https:// 开头，例如 https://www.example.gov.cn/zfgs/');
  }
  const next = DISCLOSURE_SETTINGS_SCHEMA.parse({ ...loadDisclosureSettings(app), ...patch });
  app.settings.setDocument(DISCLOSURE_SETTINGS_DOCUMENT, next);
  return next;
}

/**
 * Stores the disclosure settings as read now (so a value still read from the old review setting
 * survives the review settings document being rewritten without it).
 */
export function keepLegacyPublishWorkdays(app: AppContext): void {
  const stored = app.settings.getDocument<Record<string, unknown>>(DISCLOSURE_SETTINGS_DOCUMENT) ?? {};
  if (stored.publishWorkdays === undefined && legacyPublishWorkdays(app) !== undefined) updateDisclosureSettings(app, {});
}

/** Values published on purpose on every page: the bureau's phone and address and the listed public contacts. */
export function publicContacts(app: AppContext): string[] {
  const bureau = app.repos.bureau.get();
  return [bureau?.phone ?? '', bureau?.address ?? '', ...loadDisclosureSettings(app).publicContacts].filter((v) => v.trim() !== '');
}
