// While PostgreSQL restarts, callers hear "try again" (503 with Retry-After), not an internal
// error; readiness says the database is away; afterwards everything answers again. A real
// PostgreSQL behind a go-between that drops and refuses connections, as a restart does.
// Only where this run has a PostgreSQL server (the embedded database does not restart).
import type { Database } from '../prisma/database';
import { openDatabase } from '../prisma/database';
import { opPostgres } from './support/omgeving';
import { binnen, startStack, vraag, type Stack } from './support/stack';
import { tokenVoor } from './support/toegang';
import { tussenpersoon, type Tussenpersoon } from './support/tussenpersoon';

const metPostgres = opPostgres ? test : test.skip;

let db: Database | undefined;
let stack: Stack | undefined;
let tussen: Tussenpersoon | undefined;

afterEach(async () => {
  await tussen?.herstel().catch(() => undefined);
  await stack?.stop();
  await db?.close();
  await tussen?.stop();
});

metPostgres('a database that restarts: 503 with Retry-After and readiness down, then answers again', async () => {
  const url = new URL(process.env.KRING_TEST_DATABASE_URL!);
  tussen = await tussenpersoon({ host: url.hostname, port: Number(url.port) });
  url.port = String(tussen.port);
  db = await openDatabase({ kind: 'postgres', url: url.toString() });
  await db.migrate();
  stack = await startStack({ database: db });
  const token = await tokenVoor(db.prisma, 'operations');
  expect((await vraag(`${stack.api}/cases`, { token })).status).toBe(200);

  await tussen.onderbreek();
  const weg = await vraag(`${stack.api}/cases`, { token });
  expect(weg.status).toBe(503);
  expect(Number(weg.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(weg.body.detail).toMatch(/database/);
  const gereed = await vraag(`${stack.api}/readyz`);
  expect([gereed.status, gereed.body.database]).toEqual([503, false]);

  await tussen.herstel();
  const api = stack.api;
  await binnen(30_000, async () => ((await vraag(`${api}/cases`, { token })).status === 200 ? true : undefined));
  expect((await vraag(`${stack.api}/readyz`)).body.database).toBe(true);
});
