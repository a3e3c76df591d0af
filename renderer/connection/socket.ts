/**
 * The one seam between the hub client and a real socket: the browser's WebSocket in the console,
 * the `ws` package in Node tests. Both are real sockets; only the constructor differs.
 */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(): void;
}

export interface SocketLink {
  send(text: string): void;
  close(): void;
}

export type OpenSocket = (url: string, handlers: SocketHandlers) => SocketLink;

export const openBrowserSocket: OpenSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  // Binary snapshot frames are read through typed-array views: an ArrayBuffer, not a Blob.
  socket.binaryType = 'arraybuffer';
  socket.onopen = () => handlers.open();
  socket.onmessage = (event: MessageEvent<unknown>) => handlers.message(event.data);
  socket.onclose = () => handlers.close();
  // An error is always followed by a close event, which is where reconnection starts.
  socket.onerror = () => undefined;
  return {
    send: (text) => socket.send(text),
    close: () => socket.close(),
  };
};
