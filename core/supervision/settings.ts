import type { AppContext } from '../app.js';
import {
  DEFAULT_SUPERVISION_SETTINGS,
  SUPERVISION_SETTINGS_DOCUMENT,
  SUPERVISION_SETTINGS_SCHEMA,
  type SupervisionSettings,
} from '../../shared/supervision-settings.js';

/** The supervision thresholds (settings document 'supervision'), merged over the defaults. */
export function loadSupervisionSettings(app: AppContext): SupervisionSettings {
  const doc = app.settings.getDocument<Partial<SupervisionSettings>>(SUPERVISION_SETTINGS_DOCUMENT) ?? {};
  const parsed = SUPERVISION_SETTINGS_SCHEMA.safeParse({ ...DEFAULT_SUPERVISION_SETTINGS, ...doc });
  return parsed.success ? parsed.data : DEFAULT_SUPERVISION_SETTINGS;
}

export function saveSupervisionSettings(app: AppContext, patch: Partial<SupervisionSettings>): { before: SupervisionSettings; after: SupervisionSettings } {
  const before = loadSupervisionSettings(app);
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const after = SUPERVISION_SETTINGS_SCHEMA.parse({ ...before, ...defined });
  app.settings.setDocument(SUPERVISION_SETTINGS_DOCUMENT, after);
  return { before, after };
}
