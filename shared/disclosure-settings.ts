import { z } from 'zod';

/**
 * Bureau settings of disclosure and publishing, kept as one settings document
 * ('disclosureSettings', like the calendar) so it is backed up with the data.
 */
export const DISCLOSURE_SETTINGS_SCHEMA = z.object({
  /** Results are published within this many working days of the decision (001: 7). */
  publishWorkdays: z.number().int().min(1).max(60).default(7),
  /** A revoked / unlawful / remade decision is taken down within this many working days (000: 1). */
  withdrawWorkdays: z.number().int().min(0).max(30).default(1),
  /** "At risk" when this many working days or fewer are left. */
  warnWorkdays: z.number().int().min(0).max(10).default(2),
  /** Optional take-down of results after N years (null: never). */
  takedownYears: z.number().int().min(1).max(30).nullable().default(null),
  /** Take-down of results whose party is a natural person after N years (null: as above). */
  takedownYearsPersons: z.number().int().min(1).max(30).nullable().default(2),
  /** How a natural-person party's name is published in penalty-like results. */
  partyStyle: z.enum(['surname-mou', 'surname-moumou', 'keep']).default('surname-moumou'),
  /** Public address of the site (for sitemap.xml), e.g. https://www.example.gov.cn/zfgs/ — empty: relative links. */
  siteBaseUrl: z.string().trim().max(200).default(''),
  /** Extra values published on purpose on every page (bureau hotlines, e-mail), never flagged as personal data. */
  publicContacts: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});
export type DisclosureSettings = z.infer<typeof DISCLOSURE_SETTINGS_SCHEMA>;
export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = DISCLOSURE_SETTINGS_SCHEMA.parse({});
export const DISCLOSURE_SETTINGS_DOCUMENT = 'disclosureSettings';
