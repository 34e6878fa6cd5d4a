// The preload: exposes `window.api`, one function per operation of the contract, and nothing else.
// It runs sandboxed, where `require` knows only a few modules, so it is bundled into one CommonJS
// file (scripts/build-electron.mjs) with the operation list inlined.
import { contextBridge, ipcRenderer } from 'electron';
import { OP_NAMES, type Api, type OpName } from '../../shared/contract/index.js';

/** One invoke channel for every operation; the main process checks the sender, the name and the input. */
const API_CHANNEL = 'api';

/** Each member forwards its input untouched; `ipcRenderer.invoke` resolves to the main side's Result. */
type Forward = (input: unknown) => Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Keys are exactly OP_NAMES; `satisfies Api` then checks that every operation is present and callable as typed.
const api = Object.fromEntries(
  OP_NAMES.map((op): [OpName, Forward] => [op, (input) => ipcRenderer.invoke(API_CHANNEL, op, input)]),
) as Record<OpName, Forward>;

contextBridge.exposeInMainWorld('api', api satisfies Api);
