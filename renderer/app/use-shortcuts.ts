import { useEffect, useRef } from 'react';

export interface Shortcuts {
  /** Ctrl+K: focus the global case search. */
  focusSearch: () => void;
  /** Ctrl+N or Alt+N: open 新建案件 (browsers keep Ctrl+N for a new window, hence Alt+N). */
  newCase?: () => void;
}

export function useShortcuts(s: Shortcuts): void {
  const ref = useRef(s);
  ref.current = s;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && key === 'k') {
        e.preventDefault();
        ref.current.focusSearch();
      } else if (key === 'n' && !e.shiftKey && ((e.ctrlKey && !e.altKey) || (e.altKey && !e.ctrlKey)) && ref.current.newCase) {
        e.preventDefault();
        ref.current.newCase();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
