// The shared count of failed sign-ins: one window per key, counted by the database's own clock
// whatever its time zone, and holding no address.
import crypto from 'node:crypto';
import type { Database } from '../prisma/database';
import { Databaseteller } from '../api/aanmeldlimiet';
import { testDatabase } from './support/omgeving';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

const VENSTER_MS = 15 * 60_000;

// A Dutch server's zone, and the zones furthest from UTC either way: a window lasts its 15 minutes in each.
test.each(['Europe/Amsterdam', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
  'on a database in %s the count goes up within its window of 15 minutes',
  async (zone) => {
    const geheim = crypto.randomBytes(32);
    const adres = `203.0.113.${crypto.randomInt(1, 250)}`;
    const gezien = await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL TimeZone = '${zone}'`);
      const teller = new Databaseteller(tx, 'test', geheim);
      teller.init({ windowMs: VENSTER_MS } as Parameters<Databaseteller['init']>[0]);
      const tellingen = [];
      for (let i = 0; i < 3; i++) tellingen.push(await teller.increment(adres));
      return tellingen;
    });
    expect(gezien.map((t) => t.totalHits)).toEqual([1, 2, 3]);
    const resterend = gezien[2]!.resetTime!.getTime() - Date.now();
    expect(resterend).toBeGreaterThan(VENSTER_MS - 60_000);
    expect(resterend).toBeLessThanOrEqual(VENSTER_MS + 60_000);
  },
);

test('the table holds no address, and a count under another key is another count', async () => {
  const adres = '198.51.100.77';
  const eerste = new Databaseteller(db.prisma, 'test', crypto.randomBytes(32));
  const tweede = new Databaseteller(db.prisma, 'test', crypto.randomBytes(32));
  expect((await eerste.increment(adres)).totalHits).toBe(1);
  expect((await eerste.increment(adres)).totalHits).toBe(2);
  expect((await tweede.increment(adres)).totalHits).toBe(1);
  const sleutels = (await db.prisma.aanmeldteller.findMany()).map((r) => r.sleutel);
  expect(sleutels.join(' ')).not.toContain(adres);
  expect(sleutels.join(' ')).not.toContain(crypto.createHash('sha256').update(`test:${adres}`).digest('base64url'));
});
