import type { AppContext } from '../app.js';
import type { DeviceProfile } from '../../shared/media-types.js';
import { invalid } from '../errors.js';
import { DEFAULT_PROFILES } from '../../shared/media-defaults.js';
import { compileTemplate, type CompiledTemplate } from '../../shared/logic/filename-template.js';

export const PROFILES_DOCUMENT = 'deviceProfiles';

/** The profiles in force (the bureau's document, else the shipped ones). */
export function getProfiles(app: AppContext): DeviceProfile[] {
  return app.settings.getDocument<DeviceProfile[]>(PROFILES_DOCUMENT) ?? DEFAULT_PROFILES;
}

/** Checks and stores edited profiles; every template must compile. */
export function setProfiles(app: AppContext, profiles: DeviceProfile[]): DeviceProfile[] {
  const ids = new Set<string>();
  for (const p of profiles) {
    if (ids.has(p.id)) throw invalid(`型号配置编号「${p.id}」重复。`);
    ids.add(p.id);
    for (const t of p.templates) {
      try {
        compileTemplate(t);
      } catch (e) {
        throw invalid((e as Error).message);
      }
    }
  }
  const clean = profiles.map((p) => ({ ...p, extensions: [...new Set(p.extensions.map((e) => e.toLowerCase().replace(/^\./, '')))] }));
  app.settings.setDocument(PROFILES_DOCUMENT, clean);
  return clean;
}

export interface CompiledProfile {
  profile: DeviceProfile;
  templates: CompiledTemplate[];
  extensions: Set<string>;
}

export function compileProfile(profile: DeviceProfile): CompiledProfile {
  return {
    profile,
    templates: profile.templates.map(compileTemplate),
    extensions: new Set(profile.extensions.map((e) => e.toLowerCase())),
  };
}

export function findProfile(profiles: DeviceProfile[], id: string | null | undefined): DeviceProfile | null {
  return profiles.find((p) => p.id === id) ?? null;
}
