// Stopping the API as SIGTERM does (service/shutdown.ts): first "not ready" while everything
// is still served, then no new connections while the request in flight gets its answer.
import net from 'node:net';
import type { Database } from '../prisma/database';
import { startApi } from '../api/server';
import { testDatabase, verbindt } from './support/omgeving';
import { startStack, type Stack } from './support/stack';

let db: Database;
let stack: Stack;

beforeAll(async () => {
  db = await testDatabase();
  stack = await startStack({ database: db });
});

afterAll(async () => {
  await stack?.stop();
  await db?.close();
});

/** A request whose body is still coming: in flight until `rest` is sent. */
function halfVerzonden(poort: number): Promise<{ rest(): void; antwoord: Promise<string> }> {
  const body = JSON.stringify({ aanvrager: { relatie: 'hoofdpersoon' } });
  return new Promise((resolve, reject) => {
    const socket = net.connect(poort, '127.0.0.1', () => {
      socket.write(
        `POST /cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      let ontvangen = '';
      const antwoord = new Promise<string>((klaar) => {
        socket.on('data', (d) => (ontvangen += d.toString()));
        socket.on('close', () => klaar(ontvangen));
      });
      resolve({ rest: () => socket.write(body.slice(10)), antwoord });
    });
    socket.once('error', reject);
  });
}

test('a stopping API says not ready first, answers the request in flight, then takes no connections', async () => {
  const api = await startApi(
    { prisma: db.prisma, proces: stack.kring.proces!, databaseBereikbaar: () => db.ping() },
    { host: '127.0.0.1', port: 0 },
  );
  const poort = Number(new URL(api.url).port);
  expect((await fetch(`${api.url}/readyz`)).status).toBe(200);

  const onderweg = await halfVerzonden(poort);
  // Another request's answer: by then the server has read the first one's head (loopback, sent before).
  expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
  api.nietGereed();
  // The load balancer hears "not ready"; the API still serves everything else.
  const gereed = await fetch(`${api.url}/readyz`);
  expect(gereed.status).toBe(503);
  expect(await gereed.json()).toEqual({ status: 'stoppend' });
  expect((await fetch(`${api.url}/healthz`)).status).toBe(200);

  const gestopt = api.stop();
  onderweg.rest();
  // The request that was in flight gets its whole answer (no token: 401), and its connection
  // closes (the answer resolves on the socket's close).
  const antwoord = await onderweg.antwoord;
  expect(antwoord).toMatch(/^HTTP\/1\.1 401 /);
  await gestopt;
  expect(await verbindt(poort)).toBe(false);
});
