import { z } from 'zod';
import { CASE_TYPES, DEFAULT_TYPE_ABBREVIATIONS, type CaseType } from './domain.js';

/**
 * Everything the bureau configures that is not calendar data. Stored in SQLite (backed up with the data),
 * one key per setting; unknown keys are refused, missing keys take these defaults.
 */
export const SETTINGS_SCHEMA = z.object({
  caseNumberPattern: z.string().min(1).max(60).default('{unit}{type}〔{year}〕{seq}号'),
  typeAbbreviations: z
    .record(z.enum(CASE_TYPES), z.string().min(1).max(4))
    .default({ ...DEFAULT_TYPE_ABBREVIATIONS }),
  sessionIdleMinutes: z.number().int().min(1).max(24 * 60).default(30),
  failedLoginLimit: z.number().int().min(3).max(20).default(5),
  lockoutMinutes: z.number().int().min(1).max(24 * 60).default(15),
  certificateWarningDays: z.number().int().min(1).max(365).default(60),
  /** Working days allowed from opening to closing a case, used for the overdue filter. */
  caseHandlingWorkdays: z.number().int().min(1).max(720).default(60),
});
export type Settings = z.infer<typeof SETTINGS_SCHEMA>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = SETTINGS_SCHEMA.parse({});

export const typeAbbreviation = (s: Settings, t: CaseType): string => s.typeAbbreviations[t] ?? DEFAULT_TYPE_ABBREVIATIONS[t];
