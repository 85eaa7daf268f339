// A request names people kring may know already: one human is one person across cases, found
// by address and name; a requester who is the main person is one person; someone erased is not
// found again.
import crypto from 'node:crypto';
import type { Database } from '../prisma/database';
import { aanvraagVastleggen, ZaakAanvraag } from '../zaakproces';
import { testDatabase } from './support/omgeving';
import { bekendeRegio, geldigeAanvraag } from './support/zaken';

let db: Database;

beforeAll(async () => {
  db = await testDatabase();
  await bekendeRegio(db.prisma);
});

afterAll(async () => {
  await db?.close();
});

const vastleggen = (aanvraag: Record<string, unknown>) => aanvraagVastleggen(db.prisma, ZaakAanvraag.parse(aanvraag));
const persoonVan = (zaak: Awaited<ReturnType<typeof vastleggen>>, rol: string) =>
  zaak.deelnemers.find((d) => d.rol === rol)!.persoon;

test('the same main person in a second request, written differently, is the person kring knows', async () => {
  const eerste = await vastleggen(geldigeAanvraag());
  const samira = persoonVan(eerste, 'hoofdpersoon');
  const tweede = await vastleggen(
    geldigeAanvraag({ hoofdpersoon: { naam: '  samira  el AMRANI ', email: samira.email!.toUpperCase() } }),
  );
  expect(persoonVan(tweede, 'hoofdpersoon').id).toBe(samira.id);
  // Her known details stay as they were; the requester, new, is someone else.
  expect(persoonVan(tweede, 'hoofdpersoon')).toMatchObject({ naam: 'Samira El Amrani', telefoon: '+31612345678' });
  expect(persoonVan(tweede, 'aanvrager').id).not.toBe(samira.id);
});

test('a family sharing one address are different people', async () => {
  const adres = `familie.${crypto.randomUUID().slice(0, 8)}@example.org`;
  const zaak = await vastleggen(
    geldigeAanvraag({
      hoofdpersoon: { naam: 'Samira El Amrani', email: adres },
      aanvrager: { relatie: 'betrokkene', naam: 'Youssef El Amrani', email: adres },
    }),
  );
  expect(persoonVan(zaak, 'aanvrager').id).not.toBe(persoonVan(zaak, 'hoofdpersoon').id);
  expect(await db.prisma.persoon.count({ where: { email: adres } })).toBe(2);
});

test('a requester who is the main person herself, new to kring, becomes one person with both parts', async () => {
  const adres = `samira.${crypto.randomUUID().slice(0, 8)}@example.org`;
  const zaak = await vastleggen(
    geldigeAanvraag({
      hoofdpersoon: { naam: 'Samira El Amrani', email: adres },
      aanvrager: { relatie: 'betrokkene', naam: 'Samira el Amrani', email: adres },
    }),
  );
  expect(persoonVan(zaak, 'aanvrager').id).toBe(persoonVan(zaak, 'hoofdpersoon').id);
  expect(zaak.deelnemers.map((d) => d.rol).sort()).toEqual(['aanvrager', 'hoofdpersoon']);
  expect(await db.prisma.persoon.count({ where: { email: adres } })).toBe(1);
});

test('a person erased while her address is still on record is not found again: a new person is made', async () => {
  const eerste = await vastleggen(geldigeAanvraag());
  const samira = persoonVan(eerste, 'hoofdpersoon');
  await db.prisma.persoon.update({ where: { id: samira.id }, data: { gewistOp: new Date() } });
  const tweede = await vastleggen(geldigeAanvraag({ hoofdpersoon: { naam: samira.naam, email: samira.email } }));
  expect(persoonVan(tweede, 'hoofdpersoon').id).not.toBe(samira.id);
  expect(persoonVan(tweede, 'hoofdpersoon').gewistOp).toBeNull();
});
