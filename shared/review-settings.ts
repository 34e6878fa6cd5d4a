import { z } from 'zod';

/**
 * Bureau settings of legal review and decisions. Kept as one settings document
 * ('reviewSettings', like the calendar and the catalogue) so it is backed up with the data.
 * The disclosure deadline after a decision is the disclosure settings' `publishWorkdays`
 * (documents stored before may still carry the old `disclosureWorkdays`; see
 * core/disclosure/settings.ts).
 */
const fields = {
  /** Working days allowed for a review round (commonly 5–10). */
  dueWorkdays: z.number().int().min(1).max(60),
  /** Warn when this many working days or fewer are left. */
  warnWorkdays: z.number().int().min(0).max(10),
  /** Longest single extension (a round can be extended once). */
  maxExtensionWorkdays: z.number().int().min(1).max(30),
  /** Assign new submissions round-robin among qualified reviewers; otherwise they wait in the pool. */
  autoAssign: z.boolean(),
  /** A hold (someone working on an item) older than this can be taken over by another reviewer. */
  holdMinutes: z.number().int().min(10).max(24 * 60),
  /** A decision not handed over on the spot is served within this many days (送达, 《行政处罚法》第六十一条). */
  serviceDays: z.number().int().min(1).max(60),
  /** 决定书文号: placeholders {unit} {type} {year} {seq} {seq:N}, as for case numbers. */
  decisionNumberPattern: z.string().trim().min(1).max(60),
};

export const DEFAULT_REVIEW_SETTINGS = {
  dueWorkdays: 5,
  warnWorkdays: 1,
  maxExtensionWorkdays: 5,
  autoAssign: true,
  holdMinutes: 240,
  serviceDays: 7,
  decisionNumberPattern: '{unit}{type}决字〔{year}〕第{seq}号',
};

/** The stored document, missing keys taking the defaults. */
export const REVIEW_SETTINGS_SCHEMA = z.object({
  dueWorkdays: fields.dueWorkdays.default(DEFAULT_REVIEW_SETTINGS.dueWorkdays),
  warnWorkdays: fields.warnWorkdays.default(DEFAULT_REVIEW_SETTINGS.warnWorkdays),
  maxExtensionWorkdays: fields.maxExtensionWorkdays.default(DEFAULT_REVIEW_SETTINGS.maxExtensionWorkdays),
  autoAssign: fields.autoAssign.default(DEFAULT_REVIEW_SETTINGS.autoAssign),
  holdMinutes: fields.holdMinutes.default(DEFAULT_REVIEW_SETTINGS.holdMinutes),
  serviceDays: fields.serviceDays.default(DEFAULT_REVIEW_SETTINGS.serviceDays),
  decisionNumberPattern: fields.decisionNumberPattern.default(DEFAULT_REVIEW_SETTINGS.decisionNumberPattern),
});
export type ReviewSettings = z.infer<typeof REVIEW_SETTINGS_SCHEMA>;

/**
 * A change to some settings. Built from the fields without defaults: `.partial()` of the schema
 * above would fill every missing key with its default and so reset settings nobody touched.
 */
export const REVIEW_SETTINGS_PATCH = z.object(fields).partial();

export const REVIEW_SETTINGS_DOCUMENT = 'reviewSettings';
export const REVIEW_CATALOGUE_DOCUMENT = 'reviewCatalogue';
