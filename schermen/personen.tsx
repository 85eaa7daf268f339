// A person's rights under the AVG, for the regiomanager: find a person of her region's cases,
// see their cases (of other regions only how many), hand over everything kring holds about
// them within her reach (a page to print, or JSON),
// and erase them where the law allows. The same functions and rules as the API
// (api/persoonsrechten.ts), audited the same way.
import { Router, type Request } from 'express';
import type { PrismaClient } from '@prisma/client';
import { vastleggen } from '../api/audit';
import {
  bestandsnaam,
  bezwaarTekst,
  buitenBereikTekst,
  gegevensOpvragen,
  personenZoeken,
  persoonInBereik,
  wissen,
  zaakRef,
  zakenBuitenBereik,
  type GevondenPersoon,
} from '../api/persoonsrechten';
import { mag, zaakBereik } from '../api/rechten';
import { verboden } from '../api/toegang';
import { probleemVan } from '../api/problem';
import { wisbezwaren, type Wisbezwaar } from '../prisma/anonimisering';
import { gegevenspagina } from './gegevenspagina';
import { Alinea, Formulier, Gegevens, Knop, Kop2, Link, Melding, pagina, tijdstip } from './opmaak';
import type { Sessiegebruiker } from './sessies';
import { Invoer, type Formulierstand, type Veld } from './velden';
import { FASENAAM, ROL_IN_ZAAK } from './woorden';

const ROLNAAM: Record<string, string> = { ...ROL_IN_ZAAK, coordinator: 'Coördinator', regiomanager: 'Regiomanager' };

const BEVESTIGING: Veld = {
  naam: 'bevestigd',
  label: 'Ik weet dat dit niet terug te draaien is',
  soort: 'vinkje',
  verplicht: true,
};

export function personenschermRouter({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  const ik = (req: Request) => req.sessie as Sessiegebruiker;
  const wie = (g: Sessiegebruiker) => ({ actor: g.id, via: g.via });

  router.get('/', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'persoon.zoeken')) throw verboden();
    const term = typeof req.query.zoek === 'string' ? req.query.zoek.trim().slice(0, 100) : '';
    const gevonden = term ? await personenZoeken(prisma, g, term) : undefined;
    if (gevonden) {
      await vastleggen(prisma, wie(g), 'personen.gezocht', null, {
        scherm: true,
        soort: gevonden.soort,
        personen: gevonden.personen.map((p) => p.id),
        aantal: gevonden.personen.length,
      });
    }
    res.type('html').send(zoekpagina(g, term, gevonden?.personen));
  });

  router.get('/:id', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'persoon.gegevens')) throw verboden();
    const gedaan = req.query.gedaan === 'gewist';
    res.type('html').send(await persoonpagina(prisma, g, String(req.params.id), gedaan ? { gewist: true } : {}));
  });

  router.get('/:id/gegevens', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'persoon.gegevens')) throw verboden();
    const gegevens = await gegevensOpvragen(prisma, g, wie(g), String(req.params.id), 'html', true);
    const persoonId = gegevens.persoon.id;
    res.type('html').send(
      gegevenspagina(gegevens, {
        gebruiker: g,
        terug: `/personen/${persoonId}`,
        json: `/personen/${persoonId}/gegevens.json`,
      }),
    );
  });

  router.get('/:id/gegevens.json', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'persoon.gegevens')) throw verboden();
    const gegevens = await gegevensOpvragen(prisma, g, wie(g), String(req.params.id), 'json', true);
    res.attachment(bestandsnaam(gegevens.persoon.id)).json(gegevens);
  });

  router.post('/:id/wissen', async (req, res) => {
    const g = ik(req);
    if (!mag(g, 'persoon.wissen')) throw verboden();
    const { persoonId, zaakIds } = await persoonInBereik(prisma, g, String(req.params.id));
    if (req.body?.bevestigd !== 'true') {
      const stand: Formulierstand = {
        waarden: {},
        fouten: { bevestigd: 'Vink aan dat u weet dat wissen niet terug te draaien is.' },
      };
      return void res
        .status(422)
        .type('html')
        .send(await persoonpagina(prisma, g, persoonId, { stand }));
    }
    try {
      await wissen(prisma, wie(g), persoonId, zaakIds[0]!);
      res.redirect(303, `/personen/${persoonId}?gedaan=gewist`);
    } catch (err) {
      const p = probleemVan(err);
      const bezwaren = (p.extra as { bezwaren?: Wisbezwaar[] }).bezwaren;
      if (p.status !== 409 || !bezwaren) throw err;
      res
        .status(409)
        .type('html')
        .send(await persoonpagina(prisma, g, persoonId, { geweigerd: bezwaren }));
    }
  });

  return router;
}

function zoekpagina(g: Sessiegebruiker, term: string, personen?: GevondenPersoon[]): string {
  return pagina({
    titel: 'Personen',
    gebruiker: g,
    children: (
      <>
        <nav aria-label="Kruimelpad">
          <Link href="/">← Mijn overzicht</Link>
        </nav>
        <Alinea>
          Iemand vraagt welke gegevens kring over hem of haar heeft, of vraagt ze te wissen (AVG). Zoek de persoon in de
          zaken van uw regio; op de pagina van de persoon staan de gegevens om te overhandigen, en het wissen.
        </Alinea>
        <form method="get" action="/personen" class="kring-filter" role="search" aria-label="Zoek een persoon">
          <label class="utrecht-form-label" for="zoek">
            Naam, e-mailadres of persoonsnummer
          </label>
          <input class="utrecht-textbox utrecht-textbox--html-input" id="zoek" name="zoek" type="search" value={term} />
          <button type="submit" class="utrecht-button utrecht-button--primary-action">
            Zoek
          </button>
        </form>
        {personen && (
          <section aria-labelledby="gevonden">
            <Kop2 id="gevonden">Gevonden bij "{term}"</Kop2>
            {personen.length === 0 ? (
              <Alinea>Niemand in de zaken van uw regio.</Alinea>
            ) : (
              <ul class="kring-zaken" aria-labelledby="gevonden">
                {personen.map((p) => (
                  <li class="kring-zaak">
                    <a class="utrecht-link kring-zaaknaam" href={`/personen/${p.id}`}>
                      {p.naam}
                    </a>
                    <div>
                      {p.rollen.map((r) => ROLNAAM[r] ?? r).join(', ')} ·{' '}
                      {p.zaken === 1 ? '1 zaak' : `${p.zaken} zaken`}
                      {p.gewist && ' · gewist'}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
      </>
    ),
  });
}

interface Na {
  gewist?: boolean;
  stand?: Formulierstand;
  geweigerd?: Wisbezwaar[];
}

async function persoonpagina(prisma: PrismaClient, g: Sessiegebruiker, id: string, na: Na): Promise<string> {
  const { persoonId, zaakIds } = await persoonInBereik(prisma, g, id);
  const persoon = await prisma.persoon.findUniqueOrThrow({ where: { id: persoonId } });
  // Her region's cases in full; of the others only how many (another region's families).
  const [deelnames, buiten] = await Promise.all([
    prisma.deelnemer.findMany({
      where: { persoonId, zaak: zaakBereik(g) },
      include: { zaak: { select: { id: true, regio: true, fase: true, bewarenSinds: true } } },
      orderBy: { aangemaaktOp: 'asc' },
    }),
    zakenBuitenBereik(prisma, g, persoonId),
  ]);
  const bezwaren = na.geweigerd ?? (persoon.gewistOp ? [] : await wisbezwaren(prisma, persoonId));
  await vastleggen(prisma, { actor: g.id, via: g.via }, 'persoon.ingezien', zaakIds[0]!, {
    persoonId,
    scherm: true,
  });

  return pagina({
    titel: persoon.naam,
    gebruiker: g,
    children: (
      <>
        <nav aria-label="Kruimelpad">
          <Link href="/personen">← Personen</Link>
        </nav>
        {na.gewist && (
          <Melding soort="ok">
            De gegevens zijn gewist: naam, contactgegevens en wat deze persoon schreef of kreeg. Op hun plaats staat nu
            "{persoon.naam}".
          </Melding>
        )}
        {na.stand && (
          <Melding soort="error">
            Het wissen is niet gedaan: <a href="#veld-bevestigd">{na.stand.fouten.bevestigd}</a>
          </Melding>
        )}
        {na.geweigerd && (
          <Melding soort="error">Het wissen is geweigerd: zie de redenen bij het formulier hieronder.</Melding>
        )}

        <section aria-labelledby="persoon">
          <Kop2 id="persoon">Gegevens</Kop2>
          <Gegevens
            rijen={[
              ['E-mailadres', persoon.email ?? '—'],
              ['Telefoonnummer', persoon.telefoon ?? '—'],
              ['Organisatie', persoon.organisatie ?? '—'],
              ['Taal', persoon.taal === 'en' ? 'Engels' : 'Nederlands'],
              ['Persoonsnummer', persoonId.slice(0, 8).toUpperCase()],
              ...(persoon.gewistOp ? ([['Gewist op', tijdstip(persoon.gewistOp)]] as Array<[string, string]>) : []),
            ]}
          />
        </section>

        <section aria-labelledby="zaken">
          <Kop2 id="zaken">Zaken</Kop2>
          <ul class="kring-zaken" aria-labelledby="zaken">
            {deelnames.map((d) => (
              <li class="kring-zaak">
                <a class="utrecht-link kring-zaaknaam" href={`/zaken/${d.zaakId}`}>
                  Zaak {zaakRef(d.zaakId)}
                </a>
                <div>
                  {ROLNAAM[d.rol] ?? d.rol} · {FASENAAM[d.zaak.fase]} · {d.zaak.regio}
                  {d.zaak.bewarenSinds && ' · bewaarplicht'}
                </div>
              </li>
            ))}
          </ul>
          {buiten.length > 0 && <Alinea>{buitenBereikTekst(buiten.length, g)}</Alinea>}
        </section>

        <section aria-labelledby="inzage">
          <Kop2 id="inzage">Alle gegevens opvragen</Kop2>
          <Alinea>
            Alles wat kring over deze persoon vastlegt, om te overhandigen: de persoon zelf volledig, en wat de zaken
            van uw regio over deze persoon bevatten. Andere mensen staan erin met hun rol, niet met hun naam of
            contactgegevens.
          </Alinea>
          <div class="kring-knoppen">
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
              href={`/personen/${persoonId}/gegevens`}
            >
              Gegevens bekijken
            </a>
            <a
              class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
              href={`/personen/${persoonId}/gegevens.json`}
              download
            >
              Download als JSON
            </a>
          </div>
        </section>

        <section aria-labelledby="wissen">
          <Kop2 id="wissen">Gegevens wissen</Kop2>
          {persoon.gewistOp ? (
            <Alinea>Deze persoon is gewist op {tijdstip(persoon.gewistOp)}. Er is niets meer te wissen.</Alinea>
          ) : (
            <>
              <Alinea>
                Wissen haalt de naam, het e-mailadres, het telefoonnummer en de organisatie weg, en wat deze persoon
                schreef of van kring kreeg, in elke zaak. Wat kring telt (datums, fasen, cijfers) blijft. Het kan alleen
                als al haar of zijn zaken zijn afgesloten en er geen bewaarplicht op rust.
              </Alinea>
              {!na.geweigerd && bezwaren.length > 0 && (
                <Melding soort="warning">
                  Nu kan het nog niet: {bezwaren.map((b) => bezwaarTekst(b).nl).join('; ')}.
                </Melding>
              )}
              <Formulier actie={`/personen/${persoonId}/wissen`} sessie={g} label="Gegevens wissen">
                {na.geweigerd && (
                  <div class="utrecht-form-field-error-message" id="wissen-geweigerd" role="alert">
                    <p class="utrecht-paragraph">Wissen kan nu niet:</p>
                    <ul class="utrecht-unordered-list">
                      {na.geweigerd.map((b) => (
                        <li class="utrecht-unordered-list__item">{bezwaarTekst(b).nl}.</li>
                      ))}
                    </ul>
                  </div>
                )}
                <Invoer veld={BEVESTIGING} stand={na.stand} />
                <Knop>Gegevens wissen</Knop>
              </Formulier>
            </>
          )}
        </section>
      </>
    ),
  });
}
