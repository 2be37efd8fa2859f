/** The signed-in key (name and role) for every page; `canEdit` hides edit controls from read-only keys. */
import { createContext, useContext } from 'react';
import type { SessionKey } from './types.js';

export interface Session {
  key: SessionKey;
  /** Admin keys may edit monitors, upload references, acknowledge alerts. */
  canEdit: boolean;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession: must be used inside a signed-in page');
  return session;
}
