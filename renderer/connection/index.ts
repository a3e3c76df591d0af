/** The console's link to the hub (WebSocket, typed requests, reconnection, session). */
export { HubClient, type HubClientOptions, type HubStreamSink, type RequestArgs } from './hub-client';
export type { ConnectionState, LinkState } from './connection-state';
export { HubRequestError } from './errors';
export { openBrowserSocket, type OpenSocket, type SocketHandlers, type SocketLink } from './socket';
export { browserTokenStore, memoryTokenStore, type TokenStore } from './session-token';
export { resolveHubUrl, toWebSocketUrl } from './hub-url';
export { reconnectDelayMs } from './backoff';
export { parseServerFrame } from './server-frames';
export { HubClientProvider, useHubClient, useConnectionState } from './react';
export { useHubAction } from './use-hub-action';
