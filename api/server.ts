// Serves the API over HTTP, and stops it gracefully: first not ready (so a load balancer sends
// no more), then no new connections while the requests in flight finish, within a bound.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type ApiDeps } from './app';
import { logboek } from '../service/logboek';

export interface RunningApi {
  url: string;
  /** From now on /readyz answers 503; everything else is still served. */
  nietGereed(): void;
  /** Not ready, then closed: requests in flight get up to `grensMs` to finish. */
  stop(grensMs?: number): Promise<void>;
}

export function startApi(deps: ApiDeps, listen: { host: string; port: number }): Promise<RunningApi> {
  let stoppend = false;
  let sluitend = false;
  const app = createApp({ ...deps, stoppend: () => stoppend });
  const server = http.createServer((req, res) => {
    // An answer begun before the stop said keep-alive: once it is out, its idle connection closes.
    res.once('finish', () => {
      if (sluitend) setImmediate(() => server.closeIdleConnections());
    });
    app(req, res);
  });
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
      server.on('error', (err) => logboek.error({ err }, 'HTTP-server'));
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        nietGereed: () => {
          stoppend = true;
        },
        stop: (grensMs = 30_000) =>
          new Promise<void>((done, fail) => {
            stoppend = true;
            sluitend = true;
            // A request still running at the bound is cut off; a stop must end.
            const grens = setTimeout(() => server.closeAllConnections(), grensMs);
            server.close((err) => {
              clearTimeout(grens);
              if (err) fail(err);
              else done();
            });
            // Kept-alive connections close now if idle, else after their answer.
            server.closeIdleConnections();
          }),
      });
    });
  });
}
