// Serves the API over HTTP, and stops it gracefully: no new requests, in-flight ones finish.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ApiDeps } from './app';

export interface RunningApi {
  url: string;
  stop(): Promise<void>;
}

export function startApi(deps: ApiDeps, listen: { host: string; port: number }): Promise<RunningApi> {
  const server = http.createServer(createApp(deps));
  // Slow or stalled clients must not hold a connection (and shutdown) forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return new Promise((resolve, reject) => {
    const notListening = (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(
              `${listen.host}:${listen.port} is already in use: stop what runs there, or set PORT to a free port`,
            )
          : err,
      );
    server.once('error', notListening);
    server.listen(listen.port, listen.host, () => {
      server.removeListener('error', notListening);
      server.on('error', (err) => console.error('HTTP server error:', err));
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        stop: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            server.closeIdleConnections();
          }),
      });
    });
  });
}
