import type { OpName } from '../../shared/contract/index.js';
import { adminHandlers } from './admin-ops.js';
import { caseHandlers } from './case-ops.js';
import type { Handlers } from './context.js';
import { disclosureHandlers } from './disclosure-ops.js';
import { mediaHandlers } from './media-ops.js';
import { officerHandlers } from './officer-ops.js';
import { reviewHandlers } from './review-ops.js';
import { sessionHandlers } from './session-ops.js';
import { supervisionHandlers } from './supervision-ops.js';
import { userHandlers } from './user-ops.js';

/** Every operation of the contract, implemented. The type makes a missing handler a compile error. */
export const handlers: Handlers<OpName> = {
  ...sessionHandlers,
  ...userHandlers,
  ...officerHandlers,
  ...caseHandlers,
  ...adminHandlers,
  ...mediaHandlers,
  ...reviewHandlers,
  ...disclosureHandlers,
  ...supervisionHandlers,
};
