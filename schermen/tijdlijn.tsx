// A case's timeline, and for the regiomanager who looked at the case: names, not ids.
import type { PrismaClient } from '@prisma/client';
import { naamInZaak, naamzicht } from '../api/anoniem';
import { vastleggen } from '../api/audit';
import { dezeZaak, mag, zaakNietGevonden } from '../api/rechten';
import { verboden } from '../api/toegang';
import { Kop2, Link, pagina, Tabel, tijdstip } from './opmaak';
import type { Sessiegebruiker } from './sessies';

export async function tijdlijnpagina(prisma: PrismaClient, g: Sessiegebruiker, id: string): Promise<string> {
  if (!mag(g, 'zaak.tijdlijn')) throw verboden();
  const zaak = await prisma.zaak.findFirst({ where: dezeZaak(g, id), select: { id: true } });
  if (!zaak) throw zaakNietGevonden();
  const wie = { actor: g.id, via: g.via };
  await vastleggen(prisma, wie, 'tijdlijn.ingezien', zaak.id, { scherm: true });
  const gebeurtenissen = await prisma.gebeurtenis.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } });
  const audit = mag(g, 'zaak.audit')
    ? (await vastleggen(prisma, wie, 'audit.ingezien', zaak.id, { scherm: true }),
      await prisma.auditEvent.findMany({ where: { zaakId: zaak.id }, orderBy: { id: 'asc' } }))
    : [];
  const personen = await prisma.persoon.findMany({
    where: { id: { in: gebeurtenissen.map((e) => e.doorId).filter((x): x is string => x !== null) } },
    select: { id: true, naam: true },
  });
  const accounts = await prisma.gebruiker.findMany({
    where: { id: { in: [...new Set(audit.map((a) => a.actor))].filter((a) => /^[0-9a-f-]{36}$/.test(a)) } },
    select: { id: true, naam: true, rol: true, persoonId: true },
  });
  // An anonymised case names only its coordinator and regiomanager; the others by pseudonym.
  const zicht = await naamzicht(prisma, zaak.id);
  const persoon = (pid: string | null) => {
    if (!pid) return 'kring';
    const p = personen.find((x) => x.id === pid);
    return p ? naamInZaak(zicht, p.id, p.naam) : '—';
  };
  const account = (a: string) => {
    const gevonden = accounts.find((x) => x.id === a);
    if (!gevonden) return a;
    // A professional's account is her login (an address): in an anonymised case her pseudonym.
    const naam =
      gevonden.rol === 'professional' && gevonden.persoonId
        ? naamInZaak(zicht, gevonden.persoonId, gevonden.naam)
        : gevonden.naam;
    return `${naam} (${gevonden.rol})`;
  };
  return pagina({
    titel: 'Tijdlijn van de zaak',
    gebruiker: g,
    children: (
      <>
        <nav aria-label="Kruimelpad">
          <Link href={`/zaken/${zaak.id}`}>← Terug naar de zaak</Link>
        </nav>
        <Tabel
          bijschrift="Wat het proces vastlegde"
          koppen={['Wanneer', 'Wat', 'Door']}
          rijen={gebeurtenissen.map((e) => [tijdstip(e.op), e.soort, persoon(e.doorId)])}
        />
        {audit.length > 0 && (
          <section>
            <Kop2>Wie de zaak inzag of wijzigde</Kop2>
            <Tabel
              bijschrift="Auditspoor"
              koppen={['Wanneer', 'Wie', 'Wat', 'Via']}
              rijen={audit.map((a) => [tijdstip(a.op), account(a.actor), a.actie, (a.via ?? '—').split(':')[0]!])}
            />
          </section>
        )}
      </>
    ),
  });
}
