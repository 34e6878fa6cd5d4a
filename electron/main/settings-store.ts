// The shell's own settings, per Windows user: where the data folder is and where the window was.
// Nothing the bureau configures lives here: that is in SQLite, inside the data folder, so it is
// backed up with the data.
import { isAbsolute } from 'node:path';
import Store from 'electron-store';
import type { WindowState } from './window-state.js';

interface ShellSettings {
  dataDir?: string;
  window?: WindowState;
}

export interface SettingsStore {
  /** The data folder chosen earlier, or null on first run. */
  dataDir(): string | null;
  setDataDir(dir: string): void;
  /** As saved: unchecked; `restoreWindowState` makes it safe. */
  windowState(): unknown;
  setWindowState(state: WindowState): void;
}

export function openSettingsStore(): SettingsStore {
  // A hand-edited or truncated file is reset rather than stopping the app from starting.
  const store = new Store<ShellSettings>({ name: 'shell-settings', clearInvalidConfig: true });
  return {
    dataDir() {
      const d = store.get('dataDir');
      return typeof d === 'string' && isAbsolute(d) ? d : null;
    },
    setDataDir: (dir) => store.set('dataDir', dir),
    windowState: () => store.get('window'),
    setWindowState: (state) => store.set('window', state),
  };
}
