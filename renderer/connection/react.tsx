import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ConnectionState } from './connection-state';
import type { HubClient } from './hub-client';

const HubClientContext = createContext<HubClient | null>(null);

export function HubClientProvider({ client, children }: { client: HubClient; children: ReactNode }) {
  return <HubClientContext.Provider value={client}>{children}</HubClientContext.Provider>;
}

export function useHubClient(): HubClient {
  const client = useContext(HubClientContext);
  if (!client) throw new Error('useHubClient outside <HubClientProvider>');
  return client;
}

/** The link and session state, re-rendering only when it changes. */
export function useConnectionState(): ConnectionState {
  const client = useHubClient();
  return useSyncExternalStore(client.subscribe, client.getState);
}
