// Where the main window reopens: the saved bounds when they still fit on a connected screen
// (office PCs lose their second monitor, projectors come and go), otherwise centred on the primary
// screen. Pure; no Electron.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_WIDTH = 1024;
export const MIN_HEIGHT = 640;
const DEFAULT_WIDTH = 1366;
const DEFAULT_HEIGHT = 860;
/** How much of the window's top edge (its title bar) must be on a screen to keep the position. */
const GRAB_WIDTH = 160;
const GRAB_HEIGHT = 32;

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);

const overlap = (a: Rect, b: Rect) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/**
 * The window state to open with, from what was saved (possibly nothing, or junk from a
 * hand-edited file) and the work areas of the screens connected now (primary first).
 */
export function restoreWindowState(saved: unknown, workAreas: Rect[]): WindowState {
  const s = (saved && typeof saved === 'object' ? saved : {}) as Record<string, unknown>;
  const primary = workAreas[0];
  const maxW = primary ? Math.max(MIN_WIDTH, ...workAreas.map((a) => a.width)) : Infinity;
  const maxH = primary ? Math.max(MIN_HEIGHT, ...workAreas.map((a) => a.height)) : Infinity;
  const fitW = primary ? Math.min(DEFAULT_WIDTH, Math.max(MIN_WIDTH, primary.width)) : DEFAULT_WIDTH;
  const fitH = primary ? Math.min(DEFAULT_HEIGHT, Math.max(MIN_HEIGHT, primary.height)) : DEFAULT_HEIGHT;

  const width = Math.min(Math.max(num(s.width) ?? fitW, MIN_WIDTH), maxW);
  const height = Math.min(Math.max(num(s.height) ?? fitH, MIN_HEIGHT), maxH);
  const maximized = s.maximized === true;
  const x = num(s.x);
  const y = num(s.y);
  if (x === undefined || y === undefined) return { width, height, maximized };

  const titleBar: Rect = { x, y, width, height: GRAB_HEIGHT };
  const visible = workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(GRAB_WIDTH, width) && o.height >= GRAB_HEIGHT;
  });
  return visible ? { x, y, width, height, maximized } : { width, height, maximized };
}
