import {
  DISCLOSURE_SETTINGS_DOCUMENT,
  DISCLOSURE_SETTINGS_SCHEMA,
  type DisclosureSettings,
} from '../../shared/disclosure-settings.js';
import type { AppContext } from '../app.js';
import { invalid } from '../errors.js';

export function loadDisclosureSettings(app: AppContext): DisclosureSettings {
  const stored = app.settings.getDocument<Record<string, unknown>>(DISCLOSURE_SETTINGS_DOCUMENT) ?? {};
  const parsed = DISCLOSURE_SETTINGS_SCHEMA.safeParse(stored);
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

/** Values published on purpose on every page: the bureau's phone and address and the listed public contacts. */
export function publicContacts(app: AppContext): string[] {
  const bureau = app.repos.bureau.get();
  return [bureau?.phone ?? '', bureau?.address ?? '', ...loadDisclosureSettings(app).publicContacts].filter((v) => v.trim() !== '');
}
