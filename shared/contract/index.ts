import { z } from 'zod';
import type { Result } from '../result.js';
import { adminOps } from './admin.js';
import { caseOps } from './cases.js';
import type { Operation } from './define.js';
import { disclosureOps } from './disclosure.js';
import { mediaOps } from './media.js';
import { officerOps } from './officers.js';
import { reviewOps } from './review.js';
import { sessionOps } from './session.js';
import { supervisionOps } from './supervision.js';
import { userOps } from './users.js';

// Validation messages in Chinese for every caller (UI, harness, CLI).
z.config(z.locales.zhCN());

/** The single source of truth for the API: every operation the UI, the harness and the CLI can call. */
export const contract = {
  ...sessionOps,
  ...userOps,
  ...officerOps,
  ...caseOps,
  ...adminOps,
  ...mediaOps,
  ...reviewOps,
  ...disclosureOps,
  ...supervisionOps,
} as const satisfies Record<string, Operation>;

export type Contract = typeof contract;
export type OpName = keyof Contract;
/** What a caller passes (before defaults are applied). */
export type ApiInput<K extends OpName> = z.input<Contract[K]['input']>;
/** What a handler receives (after parsing). */
export type OpInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = NonNullable<Contract[K]['output']>;

/** The API as the renderer sees it: `window.api['cases.create'](input)`. */
export type Api = { [K in OpName]: (input: ApiInput<K>) => Promise<Result<OpOutput<K>>> };

export const OP_NAMES = Object.keys(contract) as OpName[];
export const isOpName = (s: string): s is OpName => Object.prototype.hasOwnProperty.call(contract, s);

export type { Operation } from './define.js';
