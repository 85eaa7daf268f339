// Setting kring up from the screens: the administrator's accounts and regions, the
// regiomanager's coordinator pool. The same functions as the setup API (beheer/), the same
// rules (api/rechten.ts), every change audited there.
import { Router, type Request, type Response } from 'express';
import type { PrismaClient } from '@prisma/client';
import type { Verzender } from '../activities/verzenders';
import {
  KORTSTE_BEWAARTERMIJN_DAGEN,
  LANGSTE_BEWAARTERMIJN_DAGEN,
  STANDAARD_BEWAARTERMIJN_DAGEN,
} from '../config/bewaartermijn';
import {
  accounts,
  blokkeren,
  doorUitgenodigd,
  CoordinatorProfiel,
  coordinatoren,
  coordinatorZetten,
  NieuweRegio,
  regioMaken,
  regioOpheffen,
  regios,
  Regiomanagers,
  regiomanagersZetten,
  RegioWijziging,
  regioWijzigen,
  Uitnodiging,
  uitnodigen,
} from '../beheer';
import type { Zaakproces } from '../zaakproces';
import { z } from 'zod';
import { BeheerFout } from '../beheer/fouten';
import { mag } from '../api/rechten';
import { vastleggen } from '../api/audit';
import { probleemVan } from '../api/problem';
import { verboden } from '../api/toegang';
import { valideer } from '../api/validatie';
import { Alinea, Formulier, Gegevens, Kop2, Knop, Link, Melding, pagina, Tabel, ROLNAAM } from './opmaak';
import type { Sessiegebruiker } from './sessies';
import { formulierstand, Invoer, naarBody, taalveld, type Formulierstand, type Veld } from './velden';

export interface BeheerschermDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
  verzender?: Pick<Verzender, 'email'>;
  publicBaseUrl: string;
  /** The configured retention period (BEWAARTERMIJN_DAGEN); absent: 730. */
  bewaartermijnDagen?: number;
}

/** After a form: what to say, and the form again with what to fix. */
interface Na {
  gedaan?: string;
  fout?: string;
  formulier?: string;
  stand?: Formulierstand;
}

const ROLKEUZES = (Object.keys(ROLNAAM) as Array<keyof typeof ROLNAAM>).map((r) => ({ waarde: r, label: ROLNAAM[r] }));
const regels = (tekst: unknown) =>
  typeof tekst === 'string'
    ? tekst
        .split(/[\n,]/)
        .map((r) => r.trim())
        .filter(Boolean)
    : [];

const uitnodigvelden = (admin: boolean): Veld[] => [
  { naam: 'naam', label: 'Naam', soort: 'tekst', verplicht: true },
  { naam: 'email', label: 'E-mailadres', soort: 'email', verplicht: true },
  ...(admin
    ? [{ naam: 'rol', label: 'Rol', soort: 'keuze' as const, verplicht: true, keuzes: ROLKEUZES }]
    : [{ naam: 'rol', label: 'Rol', soort: 'verborgen' as const, waarde: 'coordinator' }]),
  { naam: 'telefoon', label: 'Telefoonnummer', soort: 'telefoon' },
  taalveld('taal', 'Taal'),
];

/** What a region's retention period is. */
const bewaartermijnUitleg = (standaard: number) =>
  `Zo lang na het afsluiten blijft een zaak bewaard; daarna wordt zij geanonimiseerd. Van ${KORTSTE_BEWAARTERMIJN_DAGEN} tot ${LANGSTE_BEWAARTERMIJN_DAGEN} dagen; leeg: de standaard (${standaard} dagen).`;

/**
 * A region's own retention period; empty: the default. Each region has this form: the
 * explanation stands beside the form there, so that no two fields point to the same id.
 */
const bewaartermijnveld = (standaard: number, metUitleg = false): Veld => ({
  naam: 'bewaartermijnDagen',
  label: 'Bewaartermijn in dagen',
  soort: 'getal',
  ...(metUitleg && { uitleg: bewaartermijnUitleg(standaard) }),
});

/** "730 dagen (standaard)" or "365 dagen (eigen)". */
export const bewaartermijnTekst = (dagen: number | null, standaard: number) =>
  `${dagen ?? standaard} dagen (${dagen === null ? 'standaard' : 'eigen'})`;

function profielvelden(regioKeuzes: string[]): Veld[] {
  return [
    {
      naam: 'regios',
      label: "Regio's",
      soort: 'meer',
      verplicht: true,
      keuzes: regioKeuzes.map((r) => ({ waarde: r, label: r })),
    },
    { naam: 'talen', label: 'Talen (met komma’s)', soort: 'tekst', verplicht: true },
    {
      naam: 'geslacht',
      label: 'Geslacht',
      soort: 'keuze',
      keuzes: ['vrouw', 'man', 'anders'].map((g) => ({ waarde: g, label: g })),
    },
    { naam: 'achtergronden', label: 'Culturele achtergronden (met komma’s)', soort: 'tekst' },
    { naam: 'beschikbaar', label: 'Beschikbaar voor nieuwe zaken', soort: 'vinkje' },
    { naam: 'afwezig.van', label: 'Afwezig van', soort: 'datum' },
    { naam: 'afwezig.tot', label: 'Afwezig tot en met', soort: 'datum' },
    { naam: 'maxZaken', label: 'Hoogstens zoveel zaken tegelijk', soort: 'getal', verplicht: true },
  ];
}

export function beheerschermRouter(deps: BeheerschermDeps): Router {
  const { prisma, proces } = deps;
  const standaardDagen = deps.bewaartermijnDagen ?? STANDAARD_BEWAARTERMIJN_DAGEN;
  const router = Router();
  const ik = (req: Request) => req.sessie as Sessiegebruiker;
  const wie = (g: Sessiegebruiker) => ({ actor: g.id, via: g.via });

  async function toon(res: Response, g: Sessiegebruiker, na: Na = {}, status = 200) {
    res
      .status(status)
      .type('html')
      .send(await beheerpagina(prisma, g, na, standaardDagen));
  }

  /** Runs a change from a form; refused, the page comes back with the reason and the form as filled in. */
  async function wijziging(
    req: Request,
    res: Response,
    formulier: string,
    gedaan: string,
    doe: () => Promise<unknown>,
  ) {
    const g = ik(req);
    try {
      await doe();
      await toon(res, g, { gedaan });
    } catch (err) {
      const p = probleemVan(err);
      if (p.status >= 500 || p.status === 403) throw err;
      await toon(
        res,
        g,
        { fout: p.uitleg[ik(req).taal], formulier, stand: formulierstand(req.body, p.fouten, ik(req).taal) },
        p.status,
      );
    }
  }

  router.get('/', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'accounts.uitnodigen') && !mag(g, 'coordinatoren')) throw verboden();
    await toon(res, g);
  });

  router.post('/uitnodigen', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'accounts.uitnodigen')) throw verboden();
    await wijziging(req, res, 'uitnodigen', 'De uitnodiging is verstuurd.', async () => {
      const invoer = valideer(Uitnodiging, naarBody(uitnodigvelden(g.rol === 'admin'), req.body));
      if (g.rol !== 'admin' && invoer.rol !== 'coordinator') throw verboden();
      const verzending = deps.verzender && { verzender: deps.verzender, apiUrl: deps.publicBaseUrl };
      const { verzonden } = await uitnodigen(prisma, wie(g), invoer, verzending);
      if (!verzonden) {
        // The account is there; without the mail she can still sign in with her address.
        throw new BeheerFout('conflict', {
          nl: `Het account voor ${invoer.email} is er, maar de uitnodiging kon niet worden verstuurd. Laat haar zich aanmelden op ${deps.publicBaseUrl}/aanmelden met dit e-mailadres.`,
          en: `The account for ${invoer.email} exists, but the invitation could not be sent. Let her sign in at ${deps.publicBaseUrl}/aanmelden with this address.`,
        });
      }
    });
  });

  router.post('/accounts/:id/blokkeren', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'accounts.blokkeren')) throw verboden();
    await wijziging(req, res, 'accounts', 'Het account werkt niet meer.', () =>
      blokkeren(prisma, wie(g), valideer(z.uuid(), String(req.params.id), 'id'), proces),
    );
  });

  router.post('/regios', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'regios.beheer')) throw verboden();
    await wijziging(req, res, 'regio', 'De regio is aangemaakt.', async () => {
      const invoer = valideer(NieuweRegio, {
        naam: req.body.naam,
        gemeenten: regels(req.body.gemeenten),
        regiomanagers: [req.body.regiomanagers ?? []].flat(),
        bewaartermijnDagen: naarBody([bewaartermijnveld(standaardDagen)], req.body).bewaartermijnDagen,
      });
      await regioMaken(prisma, wie(g), invoer);
      if (invoer.regiomanagers.length)
        await regiomanagersZetten(prisma, wie(g), invoer.naam, invoer.regiomanagers, proces);
    });
  });

  router.post('/regios/:naam/regiomanagers', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'regios.beheer')) throw verboden();
    const naam = String(req.params.naam);
    await wijziging(
      req,
      res,
      `regio:${naam}`,
      `Regio ${naam} is overgedragen; haar open zaken weten het.`,
      async () => {
        const { regiomanagers } = valideer(Regiomanagers, { regiomanagers: [req.body.regiomanagers ?? []].flat() });
        await regiomanagersZetten(prisma, wie(g), naam, regiomanagers, proces);
      },
    );
  });

  router.post('/regios/:naam/bewaartermijn', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'regios.beheer')) throw verboden();
    const naam = String(req.params.naam);
    await wijziging(req, res, `bewaartermijn:${naam}`, `De bewaartermijn van regio ${naam} is opgeslagen.`, () => {
      // Empty: back to the default.
      const { bewaartermijnDagen = null } = naarBody([bewaartermijnveld(standaardDagen)], req.body);
      return regioWijzigen(prisma, wie(g), naam, valideer(RegioWijziging, { bewaartermijnDagen }));
    });
  });

  router.post('/regios/:naam/opheffen', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'regios.beheer')) throw verboden();
    const naam = String(req.params.naam);
    await wijziging(req, res, `regio:${naam}`, `Regio ${naam} is opgeheven.`, () =>
      regioOpheffen(prisma, wie(g), naam),
    );
  });

  router.post('/coordinatoren/:persoonId', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'coordinatoren')) throw verboden();
    const persoonId = valideer(z.uuid(), String(req.params.persoonId), 'persoonId');
    await wijziging(req, res, `coordinator:${persoonId}`, 'Het profiel is bijgewerkt.', async () => {
      const body = naarBody(profielvelden(await regioKeuzes(prisma, g)), req.body);
      const profiel = valideer(CoordinatorProfiel, {
        ...body,
        talen: regels(body.talen),
        achtergronden: regels(body.achtergronden),
        ...(body.afwezig && Object.keys(body.afwezig).length ? {} : { afwezig: undefined }),
      });
      await coordinatorZetten(prisma, wie(g), persoonId, profiel, g.rol === 'admin' ? undefined : g.regios);
    });
  });

  return router;
}

async function regioKeuzes(prisma: PrismaClient, g: Sessiegebruiker): Promise<string[]> {
  if (g.rol !== 'admin') return g.regios;
  return (await prisma.regio.findMany({ where: { opgehevenOp: null }, orderBy: { naam: 'asc' } })).map((r) => r.naam);
}

async function beheerpagina(prisma: PrismaClient, g: Sessiegebruiker, na: Na, standaardDagen: number): Promise<string> {
  const admin = g.rol === 'admin';
  const stand = (formulier: string) => (na.formulier === formulier ? na.stand : undefined);
  const alleRegios = admin || g.rol === 'regiomanager' ? await regios(prisma) : [];
  const mijnRegios = alleRegios.filter((r) => g.regios.includes(r.naam));
  const accountlijst = admin ? await accounts(prisma) : [];
  const regiomanagerKeuzes = admin
    ? (
        await prisma.gebruiker.findMany({
          where: { rol: 'regiomanager', geblokkeerdOp: null, persoonId: { not: null } },
          orderBy: { naam: 'asc' },
        })
      ).map((a) => ({ waarde: a.persoonId!, label: a.naam }))
    : [];
  const pool = mag(g, 'coordinatoren') ? await coordinatoren(prisma, admin ? undefined : g.regios) : [];
  // Invited, but not yet in any pool: the profile makes her one of the candidates.
  // (A regiomanager: those she invited herself.)
  const zonderProfiel = mag(g, 'coordinatoren')
    ? await prisma.persoon.findMany({
        where: {
          id: {
            in: admin
              ? (
                  await prisma.gebruiker.findMany({
                    where: { rol: 'coordinator', geblokkeerdOp: null, persoonId: { not: null } },
                    select: { persoonId: true },
                  })
                ).map((a) => a.persoonId!)
              : await doorUitgenodigd(prisma, g.id),
          },
          coordinator: null,
        },
        orderBy: { naam: 'asc' },
      })
    : [];
  await vastleggen(prisma, { actor: g.id, via: g.via }, 'beheer.ingezien', null, {
    accounts: accountlijst.length,
    coordinatoren: pool.length + zonderProfiel.length,
  });
  const keuzes = await regioKeuzes(prisma, g);

  /** One coordinator's profile form: what she has now, or what was posted with what to fix. */
  const Profiel = (p: {
    persoonId: string;
    samenvatting: string;
    label: string;
    begin: Formulierstand['waarden'];
    nieuw?: boolean;
  }) => (
    <details class="kring-opdracht" open={na.formulier === `coordinator:${p.persoonId}`}>
      <summary>{p.samenvatting}</summary>
      <Formulier actie={`/beheer/coordinatoren/${p.persoonId}`} sessie={g} label={p.label}>
        {profielvelden(keuzes).map((v) => (
          <Invoer veld={v} stand={stand(`coordinator:${p.persoonId}`) ?? { waarden: p.begin, fouten: {} }} />
        ))}
        <Knop soort={p.nieuw ? 'primary' : 'secondary'}>Profiel opslaan</Knop>
      </Formulier>
    </details>
  );

  return pagina({
    titel: admin ? 'Beheer' : 'Coördinatoren van uw regio',
    gebruiker: g,
    children: (
      <>
        <nav aria-label="Kruimelpad">
          <Link href="/">← Mijn overzicht</Link>
        </nav>
        {na.gedaan && <Melding soort="ok">{na.gedaan}</Melding>}
        {na.fout && <Melding soort="error">{na.fout}</Melding>}

        {!admin && mijnRegios.length > 0 && (
          <section aria-labelledby="mijn-regios">
            <Kop2 id="mijn-regios">Uw regio</Kop2>
            {mijnRegios.map((r) => (
              <Gegevens
                rijen={[
                  ['Regio', r.naam],
                  ['Regiomanagers', r.regiomanagers.map((m) => m.naam).join(', ')],
                  ['Gemeenten die financieren', r.gemeenten.join(', ') || '—'],
                  ['Open zaken', String(r.openZaken)],
                  ['Bewaartermijn', bewaartermijnTekst(r.bewaartermijnDagen, standaardDagen)],
                ]}
              />
            ))}
            <Alinea>Een andere naam, andere gemeenten of een overdracht regelt de beheerder.</Alinea>
          </section>
        )}

        <section aria-labelledby="uitnodigen">
          <Kop2 id="uitnodigen">{admin ? 'Een collega uitnodigen' : 'Een coördinator uitnodigen'}</Kop2>
          <Alinea>kring maakt de persoon en het account, en mailt de uitnodiging met een aanmeldlink.</Alinea>
          <Formulier actie="/beheer/uitnodigen" sessie={g} label="Uitnodigen">
            {uitnodigvelden(admin).map((v) => (
              <Invoer veld={v} stand={stand('uitnodigen')} />
            ))}
            <Knop>Uitnodigen</Knop>
          </Formulier>
        </section>

        {admin && (
          <section aria-labelledby="accounts">
            <Kop2 id="accounts">Accounts</Kop2>
            <Tabel
              bijschrift="Accounts"
              koppen={['Account', 'Rol', 'Stand', '']}
              rijen={accountlijst.map((a) => [
                a.naam,
                ROLNAAM[a.rol],
                a.geblokkeerd ? 'Geblokkeerd' : 'Werkt',
                a.geblokkeerd ? (
                  '—'
                ) : (
                  <Formulier actie={`/beheer/accounts/${a.id}/blokkeren`} sessie={g} label={`${a.naam} blokkeren`}>
                    <Knop soort="secondary">Blokkeren</Knop>
                  </Formulier>
                ),
              ])}
            />
          </section>
        )}

        {admin && (
          <section aria-labelledby="regios">
            <Kop2 id="regios">Regio's</Kop2>
            {alleRegios
              .filter((r) => !r.opgehevenOp)
              .map((r) => (
                <details
                  class="kring-opdracht"
                  open={na.formulier === `regio:${r.naam}` || na.formulier === `bewaartermijn:${r.naam}`}
                >
                  <summary>
                    {r.naam}: {r.regiomanagers.map((m) => m.naam).join(', ') || 'geen regiomanager'} · {r.openZaken}{' '}
                    open zaken · Bewaartermijn: {bewaartermijnTekst(r.bewaartermijnDagen, standaardDagen)}
                  </summary>
                  <Alinea>Gemeenten: {r.gemeenten.join(', ') || '—'}</Alinea>
                  <Alinea>{bewaartermijnUitleg(standaardDagen)}</Alinea>
                  <Formulier
                    actie={`/beheer/regios/${encodeURIComponent(r.naam)}/bewaartermijn`}
                    sessie={g}
                    label={`Bewaartermijn van ${r.naam}`}
                  >
                    <Invoer
                      veld={bewaartermijnveld(standaardDagen)}
                      stand={
                        stand(`bewaartermijn:${r.naam}`) ?? {
                          waarden: { bewaartermijnDagen: r.bewaartermijnDagen?.toString() ?? '' },
                          fouten: {},
                        }
                      }
                    />
                    <Knop soort="secondary">Bewaartermijn opslaan</Knop>
                  </Formulier>
                  <Formulier
                    actie={`/beheer/regios/${encodeURIComponent(r.naam)}/regiomanagers`}
                    sessie={g}
                    label={`Regiomanagers van ${r.naam}`}
                  >
                    <Invoer
                      veld={{
                        naam: 'regiomanagers',
                        label: 'Regiomanagers',
                        soort: 'meer',
                        verplicht: true,
                        keuzes: regiomanagerKeuzes,
                      }}
                      stand={
                        stand(`regio:${r.naam}`) ?? {
                          waarden: { regiomanagers: r.regiomanagers.map((m) => m.persoonId) },
                          fouten: {},
                        }
                      }
                    />
                    <Knop soort="secondary">Regiomanagers opslaan</Knop>
                  </Formulier>
                  <Formulier
                    actie={`/beheer/regios/${encodeURIComponent(r.naam)}/opheffen`}
                    sessie={g}
                    label={`${r.naam} opheffen`}
                  >
                    <Knop soort="secondary">Regio opheffen</Knop>
                  </Formulier>
                </details>
              ))}
            <Formulier actie="/beheer/regios" sessie={g} label="Nieuwe regio">
              <Invoer
                veld={{ naam: 'naam', label: 'Naam van de nieuwe regio', soort: 'tekst', verplicht: true }}
                stand={stand('regio')}
              />
              <Invoer
                veld={{ naam: 'gemeenten', label: 'Gemeenten die financieren (één per regel)', soort: 'lang' }}
                stand={stand('regio')}
              />
              <Invoer
                veld={{ naam: 'regiomanagers', label: 'Regiomanagers', soort: 'meer', keuzes: regiomanagerKeuzes }}
                stand={stand('regio')}
              />
              <Invoer veld={bewaartermijnveld(standaardDagen, true)} stand={stand('regio')} />
              <Knop>Regio aanmaken</Knop>
            </Formulier>
          </section>
        )}

        {(pool.length > 0 || zonderProfiel.length > 0) && (
          <section aria-labelledby="pool">
            <Kop2 id="pool">De pool van coördinatoren</Kop2>
            {zonderProfiel.map((p) => (
              <Profiel
                persoonId={p.id}
                samenvatting={`${p.naam}: nog zonder profiel`}
                label={`Profiel van ${p.naam}`}
                begin={{ talen: 'Nederlands', beschikbaar: 'true', maxZaken: '3' }}
                nieuw
              />
            ))}
            {pool.map((c) => (
              <Profiel
                persoonId={c.persoonId}
                samenvatting={`${c.naam}: ${c.talen.join(', ')} · ${c.lopendeZaken} van ${c.maxZaken} zaken${c.beschikbaar ? '' : ' · niet beschikbaar'}${c.afwezig ? ` · afwezig ${c.afwezig.van} tot en met ${c.afwezig.tot}` : ''}`}
                label={`Profiel van ${c.naam}`}
                begin={{
                  regios: c.regios,
                  talen: c.talen.join(', '),
                  geslacht: c.geslacht ?? '',
                  achtergronden: c.achtergronden.join(', '),
                  beschikbaar: String(c.beschikbaar),
                  'afwezig.van': c.afwezig?.van ?? '',
                  'afwezig.tot': c.afwezig?.tot ?? '',
                  maxZaken: String(c.maxZaken),
                }}
              />
            ))}
          </section>
        )}
      </>
    ),
  });
}
