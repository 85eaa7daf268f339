// The start page: for each role, what needs her now, and her cases. Lists come from the
// stored records within the account's reach (api/rechten.ts), never from the process.
import type { Prisma, PrismaClient, Zaak } from '@prisma/client';
import { naamInZaak } from '../api/anoniem';
import { vastleggen } from '../api/audit';
import { ZONDER_REGIOMANAGER } from '../beheer';
import { signalen } from '../api/dossier';
import { inzage, mag, zaakBereik } from '../api/rechten';
import { Fase } from '../workflows/contract';
import { Alinea, Kop2, Link, Melding, pagina, tijdstip } from './opmaak';
import type { Sessiegebruiker } from './sessies';
import { FASENAAM, TERMIJNNAAM } from './woorden';

const DAG = 24 * 60 * 60_000;
type Regel = Zaak & { deelnemers: Array<{ persoonId: string; rol: string; persoon: { naam: string } }> };

/**
 * Who the case is about, by first name: only for those who read the whole case (not on an
 * offer, not for operations or a professional, as in the API). An anonymised case by the
 * main person's pseudonym, though a newer case may still name them.
 */
function wie(z: Regel, g: Sessiegebruiker): string {
  const hoofdpersoon = z.deelnemers.find((d) => d.rol === 'hoofdpersoon');
  const volledig = inzage(g) === 'volledig' && (g.rol !== 'coordinator' || z.coordinatorId === g.persoonId);
  if (!hoofdpersoon || !volledig) return `Zaak van ${tijdstip(z.aangevraagdOp)}`;
  return naamInZaak(z, hoofdpersoon.persoonId, hoofdpersoon.persoon.naam.split(' ')[0]!);
}

function termijn(z: Zaak): string {
  if (!z.termijnOp || z.fase === 'afgesloten') return '—';
  const soort = TERMIJNNAAM[z.termijnSoort ?? ''] ?? z.termijnSoort ?? 'Termijn';
  return `${soort}: ${tijdstip(z.termijnOp)}${z.termijnOp < new Date() ? ' (verstreken)' : ''}`;
}

/** Cases as a list of cards: readable on a phone, where a table of four columns is not. */
function Zaaklijst({ bijschrift, zaken, g }: { bijschrift: string; zaken: Regel[]; g: Sessiegebruiker }) {
  if (zaken.length === 0) return <Alinea>Geen.</Alinea>;
  return (
    <ul class="kring-zaken" aria-label={bijschrift}>
      {zaken.map((z) => (
        <li class="kring-zaak">
          {/* The administrator sets kring up; she reads no case. */}
          {g.rol === 'admin' ? (
            <span class="kring-zaaknaam">{wie(z, g)}</span>
          ) : (
            <a class="utrecht-link kring-zaaknaam" href={`/zaken/${z.id}`}>
              {wie(z, g)}
            </a>
          )}
          {z.noodsituatie && <strong class="kring-nood"> Noodsituatie</strong>}
          <div>
            {FASENAAM[z.fase]} · {z.regio}
          </div>
          <div
            class={z.termijnOp && z.termijnOp < new Date() && z.fase !== 'afgesloten' ? 'kring-verlopen' : undefined}
          >
            {termijn(z)}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The cases among these with a signal nobody took up yet. */
async function metOpenSignaal(prisma: PrismaClient, zaken: Regel[]): Promise<Regel[]> {
  const open = await Promise.all(
    zaken.map(async (z) => (await signalen(prisma, z.id)).some((s) => !s.opgepaktOp && !s.afgeslotenMetDeZaakOp)),
  );
  return zaken.filter((_, i) => open[i]);
}

/**
 * A case by what people have at hand: the reference in its messages (the first eight
 * characters of its id), or the main person's name or phone number. By name or number only
 * where the role works with the family: operations (who takes the calls), and the
 * regiomanager and the coordinator in the cases that are theirs (not an offer).
 */
function zoekterm(term: string, g: Sessiegebruiker): { where: Prisma.ZaakWhereInput; soort: string[] } {
  const of: Prisma.ZaakWhereInput[] = [];
  const soort: string[] = [];
  if (/^[0-9a-f]{8}$/i.test(term)) {
    const ref = term.toLowerCase();
    of.push({ id: { gte: `${ref}-0000-0000-0000-000000000000`, lte: `${ref}-ffff-ffff-ffff-ffffffffffff` } });
    soort.push('referentie');
  }
  if (g.rol === 'operations' || g.rol === 'regiomanager' || g.rol === 'coordinator') {
    // Not in an anonymised case: its main person is no longer named there.
    const hoofdpersoon = (persoon: Prisma.PersoonWhereInput): Prisma.ZaakWhereInput => ({
      deelnemers: { some: { rol: 'hoofdpersoon', persoon } },
      geanonimiseerdOp: null,
      ...(g.rol === 'coordinator' && { coordinatorId: g.persoonId }),
    });
    of.push(hoofdpersoon({ naam: { contains: term, mode: 'insensitive' } }));
    soort.push('naam');
    // The last nine digits: 06 12345678 and +31 6 12345678 are the same number.
    const cijfers = term.replace(/\D/g, '');
    if (cijfers.length >= 6) {
      of.push(hoofdpersoon({ telefoon: { endsWith: cijfers.slice(-9) } }));
      soort.push('telefoon');
    }
  }
  return { where: { OR: of }, soort };
}

const metNaam = {
  deelnemers: { where: { rol: 'hoofdpersoon' }, include: { persoon: { select: { naam: true } } } },
} as const;

export async function startpagina(
  prisma: PrismaClient,
  g: Sessiegebruiker,
  query: Record<string, unknown>,
  gedaan?: string,
): Promise<string> {
  const bereik = zaakBereik(g, g.rol === 'coordinator');
  const zoek = (where: Prisma.ZaakWhereInput, take = 50) =>
    prisma.zaak.findMany({
      where: { AND: [bereik, where] },
      include: metNaam,
      orderBy: [{ termijnOp: { sort: 'asc', nulls: 'last' } }, { aangevraagdOp: 'desc' }],
      take,
    }) as Promise<Regel[]>;
  const nu = new Date();
  const open = { fase: { not: 'afgesloten' as const } };
  const fase = Fase.safeParse(query.fase).success ? (query.fase as Fase) : undefined;
  const blokken: Array<{ titel: string; zaken: Regel[] }> = [];

  if (g.rol === 'regiomanager') {
    blokken.push(
      {
        titel: 'Nieuwe aanvragen: kies een coördinator',
        zaken: await zoek({ fase: 'intake', coordinatorId: null, aangebodenAanId: null }),
      },
      {
        titel: 'Aanbod afgewezen: de volgende kreeg het aangeboden',
        zaken: await zoek({
          fase: 'intake',
          coordinatorId: null,
          aangebodenAanId: { not: null },
          gebeurtenissen: { some: { soort: 'coordinator.afgewezen' } },
        }),
      },
      { titel: 'Termijn verstreken', zaken: await zoek({ ...open, termijnOp: { lt: nu } }) },
      {
        titel: 'Termijn binnen twee dagen',
        zaken: await zoek({ ...open, termijnOp: { gte: nu, lt: new Date(nu.getTime() + 2 * DAG) } }),
      },
      {
        titel: 'Open meldingen "het gaat niet goed"',
        zaken: await metOpenSignaal(prisma, await zoek({ ...open, gebeurtenissen: { some: { soort: 'signaal' } } })),
      },
      {
        titel: 'Al twee weken niets gebeurd',
        zaken: await zoek({ ...open, bijgewerktOp: { lt: new Date(nu.getTime() - 14 * DAG) } }),
      },
    );
  }
  if (g.rol === 'coordinator') {
    blokken.push({
      titel: 'Aangeboden: wilt u deze zaak?',
      zaken: await zoek({ fase: 'intake', coordinatorId: null, aangebodenAanId: g.persoonId }),
    });
  }
  // Open cases of a region nobody manages: operations and the administrator see them (no names).
  const nietToegewezen = mag(g, 'niet-toegewezen')
    ? ((await prisma.zaak.findMany({
        where: ZONDER_REGIOMANAGER,
        include: metNaam,
        orderBy: { aangevraagdOp: 'asc' },
        take: 200,
      })) as Regel[])
    : undefined;
  const gezocht = typeof query.zoek === 'string' ? query.zoek.trim().slice(0, 100) : '';
  const zoekvraag = gezocht ? zoekterm(gezocht, g) : undefined;
  const alle = await zoek(
    zoekvraag
      ? zoekvraag.where
      : fase
        ? { fase }
        : g.rol === 'operations'
          ? { fase: 'intake', coordinatorId: null }
          : open,
    100,
  );
  const lijsttitel = gezocht
    ? `Gevonden bij "${gezocht}"`
    : g.rol === 'operations'
      ? 'Aanvragen zonder coördinator'
      : g.rol === 'regiomanager'
        ? 'De zaken van uw regio'
        : 'Uw zaken';
  // Who looked for whom: the kind of search and what it found (the term itself may be a name).
  await vastleggen(prisma, { actor: g.id, via: g.via }, 'zaken.gezocht', null, {
    scherm: 'start',
    ...(zoekvraag && { zoek: { soort: zoekvraag.soort, zaken: alle.map((z) => z.id) } }),
    aantal: alle.length + blokken.reduce((n, b) => n + b.zaken.length, 0),
  });

  return pagina({
    titel: 'Mijn overzicht',
    gebruiker: g,
    children: (
      <>
        {gedaan && <Melding soort="ok">{gedaan}</Melding>}
        {(mag(g, 'accounts.uitnodigen') || mag(g, 'coordinatoren')) && (
          <Alinea>
            <Link href="/beheer">
              {g.rol === 'admin' ? "Accounts, regio's en coördinatoren" : 'Coördinatoren van uw regio'}
            </Link>
          </Alinea>
        )}
        {mag(g, 'persoon.zoeken') && (
          <Alinea>
            <Link href="/personen">Personen: gegevens opvragen of wissen (AVG)</Link>
          </Alinea>
        )}
        {mag(g, 'zaak.aanvragen') && (
          <Alinea>
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href="/aanvragen"
            >
              Nieuwe aanvraag
            </a>
          </Alinea>
        )}
        {blokken.map((b) => (
          <section>
            <Kop2>{b.titel}</Kop2>
            <Zaaklijst bijschrift={b.titel} zaken={b.zaken} g={g} />
          </section>
        ))}
        {g.rol !== 'admin' && (
          <section>
            <Kop2>{lijsttitel}</Kop2>
            <form method="get" action="/" class="kring-filter" role="search" aria-label="Zoek een zaak">
              <label class="utrecht-form-label" for="zoek">
                Zaaknummer, naam of telefoonnummer van de hoofdpersoon
              </label>
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id="zoek"
                name="zoek"
                type="search"
                value={gezocht}
              />
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Zoek
              </button>
            </form>
            <form method="get" action="/" class="kring-filter" aria-label="Filter op fase">
              <label class="utrecht-form-label" for="fase">
                Fase
              </label>
              <select class="utrecht-select utrecht-select--html-select" id="fase" name="fase">
                <option value="">Alle open zaken</option>
                {Fase.options.map((f) => (
                  <option value={f} selected={f === fase}>
                    {FASENAAM[f]}
                  </option>
                ))}
              </select>
              <button type="submit" class="utrecht-button utrecht-button--secondary-action">
                Toon
              </button>
            </form>
            <Zaaklijst bijschrift={lijsttitel} zaken={alle} g={g} />
          </section>
        )}
        {nietToegewezen && (
          <section>
            <Kop2>Zonder regiomanager: wie pakt ze op?</Kop2>
            <Zaaklijst bijschrift="Zaken zonder regiomanager" zaken={nietToegewezen} g={g} />
          </section>
        )}
      </>
    ),
  });
}
