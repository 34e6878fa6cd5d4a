import { statSync } from 'node:fs';
import type { RedactOptions } from '../../shared/logic/redact/index.js';
import type { PublicItem } from '../../shared/disclosure-types.js';
import type { AppContext } from '../app.js';
import { textFields, withTexts, type ItemContent } from './content.js';
import { publicStrings, toPublicItem } from './public-item.js';
import { checkStrings, engineOptions, redactFields, type ContentCheck, type RedactedFields } from './redaction.js';
import { disclosureRepo, type Item } from './repo.js';
import { publicContacts } from './settings.js';

export interface Evaluation {
  content: ItemContent;
  options: RedactOptions;
  redacted: RedactedFields;
  /** The public form (without the PDF, which approval adds). */
  pub: PublicItem;
  check: ContentCheck;
  redactedFullText: string;
}

export const contentOf = (item: Pick<Item, 'title' | 'result' | 'notice'>): ItemContent => ({ title: item.title, result: item.result, notice: item.notice });

const extOf = (mime: string | null) => (mime === 'image/png' ? 'png' : 'jpg');

/**
 * Correction notes shown with a version: every correction of the series up to this version,
 * dated by its approval (`pendingDate` for this version while it is not approved yet).
 */
export function correctionsOf(app: AppContext, item: Item, pendingDate: string): PublicItem['corrections'] {
  if (item.version === 1) return [];
  return disclosureRepo(app)
    .series(item.seriesId)
    .filter((v) => v.version > 1 && v.version <= item.version && v.correctionNote)
    .map((v) => ({ date: v.approvedOn ?? pendingDate, note: v.correctionNote! }));
}

/** Redacts a version as it stands (automatic findings, the reviewer's masks and undos) and checks the result. */
export function evaluate(app: AppContext, item: Item, today: string): Evaluation {
  const content = contentOf(item);
  const options = engineOptions(item.kind, content, item.redaction, item.kept, publicContacts(app));
  const redacted = redactFields(textFields(item.kind, content), options, disclosureRepo(app).overrides(item.id));
  const red = withTexts(content, redacted.values);
  const image = item.imageSha256
    ? { sha256: item.imageSha256, size: statSync(app.vault.pathOf(item.imageSha256)).size, mime: item.imageMime ?? 'image/png', ext: extOf(item.imageMime), alt: red.notice?.imageAlt || red.title }
    : null;
  const pub = toPublicItem(item.kind, red, item.itemDate, image, correctionsOf(app, item, today));
  const check = checkStrings(publicStrings(pub), options);
  return { content, options, redacted, pub, check, redactedFullText: red.result?.fullText ?? '' };
}
