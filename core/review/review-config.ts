import { CatalogueInput } from '../../shared/contract/review-inputs.js';
import { checkCatalogue, DEFAULT_CATALOGUE, type ReviewCatalogue } from '../../shared/logic/review-catalogue.js';
import { validatePattern } from '../../shared/logic/case-number.js';
import {
  REVIEW_CATALOGUE_DOCUMENT,
  REVIEW_SETTINGS_DOCUMENT,
  REVIEW_SETTINGS_SCHEMA,
  type ReviewSettings,
} from '../../shared/review-settings.js';
import type { AppContext } from '../app.js';
import type { Db } from '../db/connection.js';
import { keepLegacyPublishWorkdays } from '../disclosure/settings.js';
import { invalid } from '../errors.js';

/**
 * Parsed settings documents, re-parsed only when their stored text changes (every list call reads
 * the review settings; a text comparison is much cheaper than JSON + schema parsing).
 */
const parsedDocs = new WeakMap<Db, { raw: ReturnType<Db['prepare']>; docs: Map<string, { text: string | null; value: unknown }> }>();

function cachedDocument<T>(app: AppContext, key: string, parse: (json: unknown) => T): T {
  let c = parsedDocs.get(app.db);
  if (!c) parsedDocs.set(app.db, (c = { raw: app.db.prepare('SELECT value FROM settings WHERE key = ?').pluck(), docs: new Map() }));
  const text = (c.raw.get(key) as string | undefined) ?? null;
  const hit = c.docs.get(key);
  if (hit && hit.text === text) return hit.value as T;
  const value = parse(text == null ? null : JSON.parse(text));
  c.docs.set(key, { text, value });
  return value;
}

/** The catalogue in force: the bureau's edited one, else the shipped default. Treat as read-only. */
export function loadCatalogue(app: AppContext): ReviewCatalogue & { isDefault: boolean } {
  return cachedDocument(app, REVIEW_CATALOGUE_DOCUMENT, (stored) => {
    const parsed = stored ? CatalogueInput.safeParse(stored) : null;
    return parsed?.success ? { ...parsed.data, isDefault: false } : { ...structuredClone(DEFAULT_CATALOGUE), isDefault: true };
  });
}

export function saveCatalogue(app: AppContext, catalogue: ReviewCatalogue): ReviewCatalogue & { isDefault: boolean } {
  const problems = checkCatalogue(catalogue);
  if (problems.length) throw invalid(`法制审核目录有误：${problems.join('；')}。`, { problems });
  app.settings.setDocument(REVIEW_CATALOGUE_DOCUMENT, catalogue);
  return { ...catalogue, isDefault: false };
}

/** The review settings, missing keys taking their defaults. Treat as read-only. */
export function loadReviewSettings(app: AppContext): ReviewSettings {
  return cachedDocument(app, REVIEW_SETTINGS_DOCUMENT, (stored) => {
    const parsed = REVIEW_SETTINGS_SCHEMA.safeParse(stored ?? {});
    return parsed.success ? parsed.data : REVIEW_SETTINGS_SCHEMA.parse({});
  });
}

export function updateReviewSettings(app: AppContext, patch: Partial<ReviewSettings>): ReviewSettings {
  if (patch.decisionNumberPattern !== undefined) {
    const problem = validatePattern(patch.decisionNumberPattern);
    if (problem) throw invalid(`决定书文号格式：${problem}`);
  }
  const next = REVIEW_SETTINGS_SCHEMA.parse({ ...loadReviewSettings(app), ...patch });
  // The rewritten document drops the old `disclosureWorkdays`; move its value to the disclosure settings first.
  keepLegacyPublishWorkdays(app);
  app.settings.setDocument(REVIEW_SETTINGS_DOCUMENT, next);
  return next;
}
