import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MIN_HEIGHT, MIN_WIDTH, restoreWindowState } from '../../electron/main/window-state.js';

const laptop = { x: 0, y: 0, width: 1366, height: 728 }; // 1366×768 minus the taskbar
const fullHd = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 1920, height: 1040 };

describe('restoreWindowState', () => {
  it('first run: a size that fits the primary screen, centred by the OS', () => {
    assert.deepEqual(restoreWindowState(undefined, [fullHd]), { width: 1366, height: 860, maximized: false });
    assert.deepEqual(restoreWindowState(undefined, [laptop]), { width: 1366, height: 728, maximized: false });
  });

  it('keeps a saved position that is still on a screen', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: true };
    assert.deepEqual(restoreWindowState(saved, [fullHd, rightMonitor]), saved);
  });

  it('drops the position when that monitor is gone', () => {
    const saved = { x: 2000, y: 100, width: 1200, height: 800, maximized: false };
    assert.deepEqual(restoreWindowState(saved, [fullHd]), { width: 1200, height: 800, maximized: false });
  });

  it('drops a position whose title bar is off screen (above the top, or barely visible)', () => {
    assert.equal(restoreWindowState({ x: 100, y: -500, width: 1200, height: 800 }, [fullHd]).x, undefined);
    assert.equal(restoreWindowState({ x: 1900, y: 10, width: 1200, height: 800 }, [fullHd]).x, undefined);
    assert.equal(restoreWindowState({ x: -1000, y: 10, width: 1200, height: 800 }, [fullHd]).x, -1000, 'enough of it still grabbable');
  });

  it('clamps sizes to the minimum and to the largest screen', () => {
    const small = restoreWindowState({ width: 200, height: 100 }, [fullHd]);
    assert.equal(small.width, MIN_WIDTH);
    assert.equal(small.height, MIN_HEIGHT);
    const huge = restoreWindowState({ width: 9000, height: 9000 }, [laptop]);
    assert.equal(huge.width, 1366);
    assert.equal(huge.height, 728);
  });

  it('survives junk from a hand-edited settings file', () => {
    for (const junk of [null, 'x', 42, [], { width: 'wide', height: NaN, x: Infinity, y: '0', maximized: 'yes' }]) {
      const s = restoreWindowState(junk, [fullHd]);
      assert.equal(s.width, 1366);
      assert.equal(s.height, 860);
      assert.equal(s.maximized, false);
      assert.equal(s.x, undefined);
    }
  });

  it('works with no display information at all', () => {
    assert.deepEqual(restoreWindowState({ x: 10, y: 10, width: 1100, height: 700 }, []), { width: 1100, height: 700, maximized: false });
  });
});
