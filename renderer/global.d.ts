import type { Api } from '../shared/contract/index.js';

declare global {
  interface Window {
    /** Installed by the Electron preload (typed from the contract); absent in the browser harness. */
    api?: Api;
  }
}

export {};
