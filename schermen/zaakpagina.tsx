// The case page: what the viewer's role may see of one case, section by section, and the
// forms for what she can do now. Every part read is audited as the API's reads are.
import type { PrismaClient } from '@prisma/client';
import type { ComponentChildren } from 'preact';
import type { ZaakStatus } from '../workflows/contract';
import { metDeelnemers, ProcesOnbereikbaar, type Zaakproces, type Zaakrecord } from '../zaakproces';
import { zaakZoalsGetoond } from '../api/anoniem';
import { vastleggen, type Wie } from '../api/audit';
import {
  afspraken,
  afsluitingVan,
  datumvoorstellen,
  kandidaten,
  kring,
  plannen,
  signalen,
  tevredenheid,
  toetsingen,
  voorwaarden,
} from '../api/dossier';
import { pad, type Accountopdracht } from '../api/opdrachten';
import { dezeZaak, inzage, magOpdracht, mag, zaakNietGevonden } from '../api/rechten';
import { FORMULIEREN, type Formuliercontext } from './opdrachtformulieren';
import { Alinea, datum, Formulier, Gegevens, Knop, Kop2, Melding, pagina, Tabel, tijdstip } from './opmaak';
import type { Sessiegebruiker } from './sessies';
import { Invoer, type Formulierstand } from './velden';
import { FASENAAM, TERMIJNNAAM, WETTELIJK, UITNODIGING, BEZOEK, ROL_IN_ZAAK, GROEPNAAM } from './woorden';

type Db = PrismaClient;
type Dossier = Awaited<ReturnType<typeof laden>>;

/** The case and everything the viewer may read of it; each part read goes in the audit trail. */
/** `inzien` false: only to build a form's choices, nobody sees the page (nothing to audit). */
export async function laden(prisma: Db, proces: Zaakproces, g: Sessiegebruiker, zaakId: string, inzien = true) {
  const gevonden: Zaakrecord | null = await prisma.zaak.findFirst({
    where: dezeZaak(g, zaakId, g.rol === 'coordinator'),
    include: metDeelnemers,
  });
  if (!gevonden) throw zaakNietGevonden();
  // An anonymised case shows who took part by pseudonym, in every section (api/anoniem.ts).
  const zaak = zaakZoalsGetoond(gevonden);
  const wie: Wie = { actor: g.id, via: g.via };
  const aanbod = g.rol === 'coordinator' && zaak.coordinatorId !== g.persoonId;
  if (inzien) {
    await vastleggen(prisma, wie, 'zaak.ingezien', zaak.id, { inzage: aanbod ? 'aanbod' : inzage(g), scherm: true });
  }
  const status = await proces.status(zaak.id).catch((err) => {
    if (err instanceof ProcesOnbereikbaar) return undefined;
    throw err;
  });
  const prof = g.rol === 'professional' ? g.persoonId! : undefined;
  const lees = async <T,>(onderdeel: string, handeling: Parameters<typeof mag>[1], f: () => Promise<T>) => {
    if (aanbod || !mag(g, handeling)) return undefined;
    if (inzien) await vastleggen(prisma, wie, `${onderdeel}.ingezien`, zaak.id, { scherm: true });
    return f();
  };
  const volledig = inzage(g) === 'volledig' && !aanbod;
  return {
    zaak,
    status,
    aanbod,
    kring: volledig ? await lees('kring', 'zaak.kring', () => kring(prisma, zaak.id)) : undefined,
    datumvoorstellen: await lees('datumvoorstellen', 'zaak.datumvoorstellen', () =>
      datumvoorstellen(prisma, zaak.id, prof),
    ),
    voorwaarden: await lees('voorwaarden', 'zaak.voorwaarden', () => voorwaarden(prisma, zaak.id, prof)),
    plannen: await lees('plannen', 'zaak.plannen', () => plannen(prisma, zaak.id, prof)),
    toetsingen: await lees('toetsingen', 'zaak.toetsingen', () => toetsingen(prisma, zaak.id, prof)),
    afspraken: await lees('afspraken', 'zaak.afspraken', () => afspraken(prisma, zaak.id)),
    signalen: await lees('signalen', 'zaak.signalen', () => signalen(prisma, zaak.id)),
    tevredenheid: await lees('tevredenheid', 'zaak.tevredenheid', () => tevredenheid(prisma, zaak.id)),
    kandidaten:
      zaak.fase === 'intake' && !zaak.coordinatorId
        ? await lees('kandidaten', 'zaak.kandidaten', () => kandidaten(prisma, zaak.id))
        : undefined,
    afsluiting: volledig ? await afsluitingVan(prisma, zaak) : null,
    /** A professional's own conditions forms, drafts included: she needs them to publish. */
    eigenFormulieren: prof
      ? await prisma.voorwaardenFormulier.findMany({
          where: { zaakId: zaak.id, professionalId: prof },
          include: { voorwaarden: { orderBy: { nummer: 'asc' } } },
          orderBy: { versie: 'asc' },
        })
      : [],
  };
}

export function formuliercontext(d: Dossier, g: Sessiegebruiker): Formuliercontext {
  const s: ZaakStatus | undefined = d.status;
  const deelnemers = d.kring ?? [];
  const professionals = d.zaak.deelnemers
    .filter((x) => x.rol === 'professional' && x.status === 'vastgelegd')
    .map((x) => ({
      waarde: x.persoonId,
      label: x.persoon.organisatie ? `${x.persoon.naam} (${x.persoon.organisatie})` : x.persoon.naam,
    }));
  const gepubliceerd = [...d.eigenFormulieren].reverse().find((f) => f.status === 'gepubliceerd');
  return {
    fase: s?.fase ?? d.zaak.fase,
    deel: s?.conferentie.deel,
    ik: g.persoonId,
    vraag: d.zaak.vraag,
    kring: deelnemers.map((x) => ({ persoonId: x.persoonId, naam: x.naam, rol: x.rol })),
    professionals,
    datumvoorstellen: (d.datumvoorstellen ?? []).map((v) => ({
      id: v.id,
      label: tijdstip(v.op),
      open: v.status === 'voorgesteld',
    })),
    // A concept is what a refused submission left: nothing to publish.
    eigenFormulieren: d.eigenFormulieren
      .filter((f) => f.status !== 'concept')
      .map((f) => ({
        id: f.id,
        label: `Versie ${f.versie} (${f.voorwaarden.length} voorwaarden)`,
        gepubliceerd: f.status === 'gepubliceerd',
      })),
    eigenVoorwaarden: (gepubliceerd?.voorwaarden ?? []).map((v) => ({ nummer: v.nummer, tekst: v.tekst })),
    openSignalen: (d.signalen ?? [])
      .filter((x) => !x.opgepaktOp && !x.afgeslotenMetDeZaakOp)
      .map((x) => ({ waarde: x.id, label: `${tijdstip(x.op)}${x.door ? `, ${x.door.naam}` : ''}` })),
    wachtOpMijnToetsing:
      g.persoonId !== null &&
      ((s?.conferentie.wachtOpToetsing ?? []).includes(g.persoonId) ||
        (s?.uitvoering.herziening?.wachtOpToetsing ?? []).includes(g.persoonId)),
    herzieningWacht: s?.uitvoering.herziening !== undefined,
    bevestigdeDatum: s?.voorbereiding.bevestigd !== undefined,
    planAanvaard: s?.conferentie.geaccepteerdOp !== undefined,
    evaluatieBereikt: d.zaak.evaluatieOp !== null && d.zaak.evaluatieOp <= new Date(),
  };
}

/** What the page shows after a form: a confirmation, or the form again with what to fix. */
export interface Na {
  gedaan?: string;
  opdracht?: Accountopdracht;
  stand?: Formulierstand;
  weigering?: string;
  /** The legal hold's form as posted, with what to fix. */
  bewaarplicht?: Formulierstand;
}

export function zaakpagina(d: Dossier, g: Sessiegebruiker, na: Na = {}): string {
  const { zaak } = d;
  const c = formuliercontext(d, g);
  const hoofdpersoon = zaak.deelnemers.find((x) => x.rol === 'hoofdpersoon')?.persoon;
  const titel = d.aanbod
    ? 'Aanbod: een nieuwe zaak'
    : zaak.geanonimiseerdOp
      ? 'Zaak (geanonimiseerd)'
      : hoofdpersoon && inzage(g) === 'volledig'
        ? `Zaak van ${hoofdpersoon.naam.split(' ')[0]}`
        : 'Zaak';
  const formulieren = (Object.keys(FORMULIEREN) as Accountopdracht[]).filter(
    (naam) => magOpdracht(g, naam) && FORMULIEREN[naam]!.wanneer(c) && !(d.aanbod && naam !== 'opdrachtBeantwoorden'),
  );
  return pagina({
    titel,
    gebruiker: g,
    children: (
      <>
        <nav aria-label="Kruimelpad">
          <a class="utrecht-link" href="/">
            ← Mijn overzicht
          </a>
        </nav>
        {zaak.geanonimiseerdOp && (
          <Melding soort="info">
            Deze zaak is geanonimiseerd op {datum(zaak.geanonimiseerdOp)}: namen, contactgegevens en vrije tekst zijn
            verwijderd na de bewaartermijn.
          </Melding>
        )}
        {na.gedaan && <Melding soort="ok">{na.gedaan}</Melding>}
        {na.weigering && <Melding soort="error">{na.weigering}</Melding>}
        {na.opdracht &&
          Object.entries(na.stand?.fouten ?? {})
            .filter(([veld]) => !FORMULIEREN[na.opdracht!]!.velden(c).some((v) => v.naam === veld))
            .map(([veld, tekst]) => (
              <Melding soort="error">
                {veld}: {tekst}
              </Melding>
            ))}
        {!d.status && (
          <Melding soort="warning">Het proces antwoordt nu niet; fase en termijn zijn zoals laatst bekend.</Melding>
        )}
        <Gegevens
          rijen={[
            ['Fase', FASENAAM[c.fase]],
            ...(c.deel && c.fase === 'conferentie' && inzage(g) === 'volledig'
              ? ([['Deel van de conferentie', c.deel]] as Array<[string, string]>)
              : []),
            ['Regio', zaak.regio],
            ['Noodsituatie', zaak.noodsituatie ? 'Ja' : 'Nee'],
            ['Aangevraagd', tijdstip(zaak.aangevraagdOp)],
            ...(zaak.termijnOp && c.fase !== 'afgesloten'
              ? ([
                  [
                    'Termijn',
                    `${TERMIJNNAAM[zaak.termijnSoort ?? ''] ?? zaak.termijnSoort}: ${tijdstip(zaak.termijnOp)}${zaak.termijnOp < new Date() ? ' (verstreken)' : ''}`,
                  ],
                ] as Array<[string, string]>)
              : []),
            ...(zaak.conferentieOp ? ([['Conferentie', tijdstip(zaak.conferentieOp)]] as Array<[string, string]>) : []),
          ]}
        />
        {d.aanbod ? <Aanbod d={d} g={g} na={na} /> : <Dossierdelen d={d} g={g} />}
        {d.kandidaten && <Kandidaten d={d} g={g} />}
        {formulieren.length > 0 && (
          <section aria-labelledby="doen">
            <Kop2 id="doen">Wat u nu kunt doen</Kop2>
            {formulieren
              .sort((a, b) => Number(FORMULIEREN[a]!.ingrijpend ?? false) - Number(FORMULIEREN[b]!.ingrijpend ?? false))
              .map((naam) => (
                <Opdracht
                  naam={naam}
                  c={c}
                  g={g}
                  zaakId={zaak.id}
                  stand={na.opdracht === naam ? na.stand : undefined}
                />
              ))}
          </section>
        )}
        {mag(g, 'zaak.bewaarplicht') && !d.aanbod && !zaak.geanonimiseerdOp && (
          <Bewaarplichtdeel zaak={zaak} g={g} stand={na.bewaarplicht} />
        )}
        {mag(g, 'zaak.tijdlijn') && !d.aanbod && (
          <Alinea>
            <a class="utrecht-link" href={`/zaken/${zaak.id}/tijdlijn`}>
              Tijdlijn{mag(g, 'zaak.audit') ? ' en wie de zaak inzag' : ''}
            </a>
          </Alinea>
        )}
      </>
    ),
  });
}

/** The legal hold: held since when and why, and lifting it; or setting one, with a reason. */
function Bewaarplichtdeel({ zaak, g, stand }: { zaak: Zaakrecord; g: Sessiegebruiker; stand?: Formulierstand }) {
  return (
    <Sectie id="bewaarplicht" titel="Bewaarplicht">
      {zaak.bewarenSinds ? (
        <>
          <Gegevens
            rijen={[
              ['Sinds', tijdstip(zaak.bewarenSinds)],
              ['Reden', zaak.bewarenReden ?? '—'],
            ]}
          />
          <Alinea>
            Zolang de bewaarplicht geldt, wordt deze zaak niet geanonimiseerd, ook niet na de bewaartermijn.
          </Alinea>
          <Formulier actie={`/zaken/${zaak.id}/bewaarplicht-opheffen`} sessie={g} label="Bewaarplicht opheffen">
            <Knop soort="secondary">Bewaarplicht opheffen</Knop>
          </Formulier>
        </>
      ) : (
        <>
          <Alinea>
            Een afgesloten zaak wordt na de bewaartermijn geanonimiseerd. Moet zij langer bewaard blijven, bijvoorbeeld
            voor een klacht of een rechtszaak? Stel dan een bewaarplicht in, met de reden.
          </Alinea>
          <Formulier actie={`/zaken/${zaak.id}/bewaarplicht`} sessie={g} label="Bewaarplicht instellen">
            <Invoer
              veld={{
                // Its own name: the case's other forms have a "reden" too, and ids must not repeat.
                naam: 'bewaarplicht.reden',
                label: 'Reden',
                soort: 'lang',
                verplicht: true,
                uitleg: 'Hoogstens 500 tekens. Alleen de regiomanagers van de regio zien de reden.',
              }}
              stand={stand}
            />
            <Knop>Bewaarplicht instellen</Knop>
          </Formulier>
        </>
      )}
    </Sectie>
  );
}

function Opdracht(p: {
  naam: Accountopdracht;
  c: Formuliercontext;
  g: Sessiegebruiker;
  zaakId: string;
  stand?: Formulierstand;
}) {
  const f = FORMULIEREN[p.naam]!;
  return (
    <details class="kring-opdracht" open={p.stand !== undefined}>
      <summary>{f.titel}</summary>
      <Formulier actie={`/zaken/${p.zaakId}/${pad(p.naam)}`} sessie={p.g} label={f.titel} sleutel={p.stand?.sleutel}>
        {f.uitleg && <Alinea>{f.uitleg}</Alinea>}
        {f.velden(p.c).map((veld) => (
          <Invoer veld={veld} stand={p.stand} />
        ))}
        <Knop soort={f.ingrijpend ? 'secondary' : 'primary'}>{f.knop}</Knop>
      </Formulier>
    </details>
  );
}

/** An offer to a coordinator: enough to decide, no contact details. */
function Aanbod({ d, g, na }: { d: Dossier; g: Sessiegebruiker; na: Na }) {
  const wensen = d.zaak.wensen as Record<string, string>;
  const fout = na.opdracht === 'opdrachtBeantwoorden' ? na.stand : undefined;
  return (
    <section aria-labelledby="aanbod">
      <Kop2 id="aanbod">Wilt u deze zaak aannemen?</Kop2>
      <Gegevens
        rijen={[
          ['Vraag', d.zaak.vraag ?? 'Nog niet bekend'],
          ['Taal', wensen.taal ?? '—'],
          ['Voorkeur geslacht coördinator', wensen.geslacht ?? '—'],
          ['Culturele achtergrond', wensen.cultureleAchtergrond ?? '—'],
          ['Toelichting', wensen.toelichting ?? '—'],
        ]}
      />
      <Alinea>Contactgegevens ziet u zodra u de zaak aanneemt.</Alinea>
      <Formulier actie={`/zaken/${d.zaak.id}/opdracht-beantwoorden`} sessie={g} label="Aanbod beantwoorden">
        <Invoer veld={{ naam: 'reden', label: 'Reden (nodig als u afwijst)', soort: 'lang' }} stand={fout} />
        <div class="kring-knoppen">
          <Knop naam="aanvaard" waarde="true">
            Ik neem de zaak aan
          </Knop>
          <Knop soort="secondary" naam="aanvaard" waarde="false">
            Ik wijs af
          </Knop>
        </div>
      </Formulier>
    </section>
  );
}

function Kandidaten({ d, g }: { d: Dossier; g: Sessiegebruiker }) {
  const k = d.kandidaten!;
  const aangeboden = d.status?.intake.aangeboden ?? d.zaak.aangebodenAanId;
  return (
    <section aria-labelledby="kandidaten">
      <Kop2 id="kandidaten">Coördinatoren die passen</Kop2>
      {aangeboden && (
        <Melding soort="info">
          Aangeboden aan {k.passend.find((m) => m.persoonId === aangeboden)?.naam ?? 'een coördinator'}; haar antwoord
          volgt. U kunt de zaak ook een ander aanbieden.
        </Melding>
      )}
      {k.passend.length === 0 ? (
        <Alinea>Er past nu niemand. Kijk bij de pool van de regio.</Alinea>
      ) : (
        <ol class="utrecht-ordered-list">
          {k.passend.map((m) => (
            <li class="utrecht-ordered-list__item kring-kandidaat">
              <strong>{m.naam}</strong>
              <span> — {m.redenen.map((r) => r.nl).join('; ')}</span>
              {m.persoonId !== aangeboden && magOpdracht(g, 'coordinatorKiezen') && (
                <Formulier
                  actie={`/zaken/${d.zaak.id}/coordinator-kiezen`}
                  sessie={g}
                  label={`Aanbieden aan ${m.naam}`}
                >
                  <input type="hidden" name="coordinatorId" value={m.persoonId} />
                  <Knop soort="secondary">Aanbieden aan {m.naam}</Knop>
                </Formulier>
              )}
            </li>
          ))}
        </ol>
      )}
      {k.uitgesloten.length > 0 && (
        <details>
          <summary>Wie niet past, en waarom</summary>
          <ul class="utrecht-unordered-list">
            {k.uitgesloten.map((u) => (
              <li class="utrecht-unordered-list__item">
                {u.naam}: {u.reden.nl}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function Sectie(p: { id: string; titel: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={p.id}>
      <Kop2 id={p.id}>{p.titel}</Kop2>
      {p.children}
    </section>
  );
}

function Dossierdelen({ d, g }: { d: Dossier; g: Sessiegebruiker }) {
  const { zaak } = d;
  const hoofd = zaak.deelnemers.find((x) => x.rol === 'hoofdpersoon')?.persoon;
  const volledig = inzage(g) === 'volledig';
  return (
    <>
      {inzage(g) !== 'samenvatting' && (
        <Sectie id="vraag" titel="De vraag">
          <Alinea>{zaak.vraag ?? 'Nog niet vastgelegd.'}</Alinea>
        </Sectie>
      )}
      {volledig && hoofd && (
        <Sectie id="hoofdpersoon" titel="Hoofdpersoon">
          <Gegevens
            rijen={[
              ['Naam', hoofd.naam],
              [
                'Telefoon',
                hoofd.telefoon ? (
                  <a class="utrecht-link" href={`tel:${hoofd.telefoon}`}>
                    {hoofd.telefoon}
                  </a>
                ) : (
                  '—'
                ),
              ],
              ['E-mail', hoofd.email ?? '—'],
            ]}
          />
        </Sectie>
      )}
      {d.kring && (
        <Sectie id="kring" titel="De kring">
          <Tabel
            bijschrift="Wie meedoet"
            koppen={['Naam', 'Rol', 'Voorgesteld door', 'Uitnodiging', 'Bezoek', 'Contact', 'Antwoorden']}
            rijen={d.kring.map((x) => [
              x.naam,
              `${ROL_IN_ZAAK[x.rol] ?? x.rol}${x.relatie ? ` (${x.relatie})` : ''}${x.wettelijkeRol ? `, ${WETTELIJK[x.wettelijkeRol] ?? x.wettelijkeRol}` : ''}${x.aangewezen ? ', roept de kring bijeen' : ''}`,
              x.voorgesteldDoor?.naam ?? '—',
              UITNODIGING[x.uitnodiging] ?? x.uitnodiging,
              BEZOEK[x.bezoek] ?? x.bezoek,
              [x.telefoon, x.email].filter(Boolean).join(' · ') || '—',
              x.notities.map((n) => n.tekst).join(' · ') || '—',
            ])}
          />
        </Sectie>
      )}
      {d.datumvoorstellen && d.datumvoorstellen.length > 0 && (
        <Sectie id="data" titel="Voorgestelde data">
          <Tabel
            bijschrift="Data en beschikbaarheid"
            koppen={['Datum', 'Plaats', 'Stand', 'Beschikbaarheid']}
            rijen={d.datumvoorstellen.map((v) => [
              tijdstip(v.op),
              v.plaats ?? '—',
              v.status,
              v.beschikbaarheid
                .map((b) => `${b.professional?.naam ?? '?'}: ${b.beschikbaar ? 'kan' : 'kan niet'}`)
                .join(', ') || '—',
            ])}
          />
        </Sectie>
      )}
      {d.voorwaarden && d.voorwaarden.length > 0 && (
        <Sectie id="voorwaarden" titel="Voorwaarden van de professionals">
          {d.voorwaarden.map((f) => (
            <article class="kring-blok">
              <h3 class="utrecht-heading-3">
                {f.professional?.naam ?? 'Professional'}, versie {f.versie} ({f.status})
              </h3>
              <Alinea>Zorgen: {f.zorgen}</Alinea>
              <ol class="utrecht-ordered-list">
                {f.voorwaarden.map((v) => (
                  <li class="utrecht-ordered-list__item" value={v.nummer}>
                    {v.tekst}
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </Sectie>
      )}
      {d.plannen && d.plannen.length > 0 && (
        <Sectie id="plan" titel="Het plan">
          {d.plannen.map((p) => (
            <article class="kring-blok">
              <h3 class="utrecht-heading-3">
                Versie {p.versie} ({p.status}){p.huidig ? ' — geldt nu' : ''}
              </h3>
              <Tabel
                bijschrift={`Acties in versie ${p.versie}`}
                koppen={['Nr.', 'Wat', 'Wie', 'Uiterlijk']}
                rijen={p.acties.map((a) => [String(a.nummer), a.wat, a.wie, a.uiterlijk ? datum(a.uiterlijk) : '—'])}
              />
              {p.hulpvragen.map((h) => (
                <Alinea>
                  Hulpvraag aan {h.professional?.naam ?? 'professional'}: {h.tekst}
                </Alinea>
              ))}
            </article>
          ))}
        </Sectie>
      )}
      {d.toetsingen && d.toetsingen.length > 0 && (
        <Sectie id="toetsingen" titel="Toetsingen">
          <Tabel
            bijschrift="Oordelen per voorwaarde"
            koppen={['Professional', 'Plan', 'Ronde', 'Voorwaarde', 'Oordeel', 'Toelichting']}
            rijen={d.toetsingen.flatMap((t) =>
              t.oordelen.map((o) => [
                t.professional?.naam ?? '—',
                t.planVersie ? `versie ${t.planVersie}` : '—',
                String(t.ronde),
                String(o.nummer),
                o.voldaan ? 'Voldaan' : 'Niet voldaan',
                o.reden ?? '—',
              ]),
            )}
          />
        </Sectie>
      )}
      {d.afspraken && (d.afspraken.aangewezen.length > 0 || d.afspraken.voortgangsgesprekken.length > 0) && (
        <Sectie id="afspraken" titel="Afspraken en vervolg">
          <Gegevens
            rijen={[
              ['Roept de kring bijeen', d.afspraken.aangewezen.map((a) => a.naam).join(', ') || '—'],
              [
                'Vervolg na vier weken',
                d.afspraken.vervolgcontrole
                  ? `${datum(d.afspraken.vervolgcontrole.op)}${d.afspraken.vervolgcontrole.gedaan ? ' (gedaan)' : ''}`
                  : '—',
              ],
              [
                'Voortgangsgesprekken',
                d.afspraken.voortgangsgesprekken
                  .map((v) => `${tijdstip(v.op)}${v.gehouden ? ' (gehouden)' : ''}`)
                  .join(', ') || '—',
              ],
              [
                'Evaluatie',
                d.afspraken.evaluaties.map((v) => `${tijdstip(v.op)}${v.gehouden ? ' (gehouden)' : ''}`).join(', ') ||
                  '—',
              ],
              [
                'Bijeenkomsten',
                d.afspraken.bijeenkomsten
                  .map(
                    (b) => `${tijdstip(b.op)}${b.herzienPlan ? `, herzien plan versie ${b.herzienPlan.versie}` : ''}`,
                  )
                  .join('; ') || '—',
              ],
            ]}
          />
        </Sectie>
      )}
      {d.signalen && d.signalen.length > 0 && (
        <Sectie id="signalen" titel='Meldingen "het gaat niet goed"'>
          <Tabel
            bijschrift="Meldingen"
            koppen={['Wanneer', 'Door', 'Toelichting', 'Opgepakt', 'Kring bijeen', 'Geëscaleerd']}
            rijen={d.signalen.map((x) => [
              tijdstip(x.op),
              x.door?.naam ?? '—',
              x.notitie ?? '—',
              x.opgepaktOp ? tijdstip(x.opgepaktOp) : 'Nog niet',
              x.kringBijeenOp
                ? `${tijdstip(x.kringBijeenOp)} (volgens de aangewezen persoon)${x.kringBijeenVerslag ? `: ${x.kringBijeenVerslag}` : ''}`
                : '—',
              x.geescaleerdOp ? tijdstip(x.geescaleerdOp) : '—',
            ])}
          />
        </Sectie>
      )}
      {d.tevredenheid && d.tevredenheid.length > 0 && (
        <Sectie id="tevredenheid" titel="Hoe het ging">
          <Tabel
            bijschrift="Wat de deelnemers van de conferentie vonden"
            koppen={['Groep', 'Score', 'Opmerking', 'Gegeven']}
            rijen={d.tevredenheid.map((x) => [
              GROEPNAAM[x.groep] ?? x.groep,
              `${x.score} van 5`,
              x.opmerking ?? '—',
              tijdstip(x.op),
            ])}
          />
        </Sectie>
      )}
      {d.afsluiting && (
        <Sectie id="afsluiting" titel="Afgesloten">
          <Gegevens
            rijen={[
              ['Hoe', d.afsluiting.soort],
              ['Wanneer', tijdstip(d.afsluiting.op)],
              ['Reden', d.afsluiting.reden ?? '—'],
            ]}
          />
        </Sectie>
      )}
    </>
  );
}
