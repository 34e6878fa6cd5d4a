import { z } from 'zod';
import { CASE_TYPES, DEFAULT_TYPE_ABBREVIATIONS, type CaseType } from './domain.js';

/**
 * Everything the bureau configures that is not calendar data. Stored in SQLite (backed up with the data),
 * one key per setting; unknown keys are refused, missing keys take these defaults.
 */
const FIELDS = {
  caseNumberPattern: z.string().min(1).max(60),
  typeAbbreviations: z.record(z.enum(CASE_TYPES), z.string().min(1).max(4)),
  sessionIdleMinutes: z.number().int().min(1).max(24 * 60),
  failedLoginLimit: z.number().int().min(3).max(20),
  lockoutMinutes: z.number().int().min(1).max(24 * 60),
  certificateWarningDays: z.number().int().min(1).max(365),
  /** Working days allowed from opening to closing a case, used for the overdue filter. */
  caseHandlingWorkdays: z.number().int().min(1).max(720),
};

export const SETTINGS_SCHEMA = z.object({
  caseNumberPattern: FIELDS.caseNumberPattern.default('{unit}{type}〔{year}〕{seq}号'),
  typeAbbreviations: FIELDS.typeAbbreviations.default({ ...DEFAULT_TYPE_ABBREVIATIONS }),
  sessionIdleMinutes: FIELDS.sessionIdleMinutes.default(30),
  failedLoginLimit: FIELDS.failedLoginLimit.default(5),
  lockoutMinutes: FIELDS.lockoutMinutes.default(15),
  certificateWarningDays: FIELDS.certificateWarningDays.default(60),
  caseHandlingWorkdays: FIELDS.caseHandlingWorkdays.default(60),
});

/** A change to some settings: no defaults, so keys not given stay as they are. */
export const SETTINGS_PATCH = z.object(FIELDS).partial();
export type Settings = z.infer<typeof SETTINGS_SCHEMA>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = SETTINGS_SCHEMA.parse({});

export const typeAbbreviation = (s: Settings, t: CaseType): string => s.typeAbbreviations[t] ?? DEFAULT_TYPE_ABBREVIATIONS[t];
