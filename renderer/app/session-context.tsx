import { createContext, useContext } from 'react';
import type { Me } from '../../shared/types.js';

export interface SessionValue {
  me: Me;
  /** Re-reads the user and bureau (after a password change or bureau edit). */
  refreshMe: () => Promise<void>;
  logout: () => Promise<void>;
  /** Opens the 新建案件 drawer (also Ctrl+N / Alt+N). */
  openNewCase: () => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside the signed-in shell');
  return v;
}
