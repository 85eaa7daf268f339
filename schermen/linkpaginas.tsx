// The pages behind one-click links (/l/<token>): what the family, the network and the
// professionals see without an account. Each page says what it is about (the conference's
// date, time and place; the coordinator and how to reach her) in the person's language,
// and does one thing: answer the invitation, read the conditions or the plan, say "het
// gaat niet goed", take up a signal, say how the conference went. A press the process
// refuses keeps the link and the note, and says why in plain words.
import crypto from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import type { ComponentChildren } from 'preact';
import type { Link, Persoon, PrismaClient } from '@prisma/client';
import { voornaam } from '../activities/berichten';
import { linkIdVan, linkToken, rollenInZaak, rolVoorLink, tekentKlopt, type Linkdoel } from '../activities/links';
import type { Door } from '../workflows/contract';
import { vastleggen, type Wie } from '../api/audit';
import { nulVeld } from '../api/validatie';
import { Geweigerd, ProcesNietGestart, ProcesOnbereikbaar, tekstBewaren, type Zaakproces } from '../zaakproces';
import { paginakoppen } from './koppen';
import { Alinea, Formulier, Gegevens, Knop, Kop2, Melding, pagina } from './opmaak';
import { WOORDEN, type Linkwoorden, type Taal } from './linkwoorden';

interface LinkpaginaDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
  geheim: Buffer;
}

type Weigering = 'onbekend' | 'verlopen' | 'gebruikt' | 'ingetrokken' | 'afgesloten';

/** Everything a link page shows around its one action. */
interface Omgeving {
  /** The case has closed: every link of it stops. */
  afgesloten: boolean;
  link: Link;
  persoon: Persoon;
  w: Linkwoorden;
  taal: Taal;
  rollen: string[];
  familie: string;
  coordinator?: { naam: string; telefoon?: string; email?: string };
  conferentie?: { op: Date; plaats: string | null };
}

const taalVan = (taal: string | undefined): Taal => (taal === 'en' ? 'en' : 'nl');

function gezinspagina(w: Linkwoorden, taal: Taal, titel: string, inhoud: ComponentChildren): string {
  return pagina({ titel, publiek: { taal, naarInhoud: w.naarInhoud, voet: w.voet }, children: inhoud });
}

export function linkpaginasRouter({ prisma, proces, geheim }: LinkpaginaDeps): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '10kb', parameterLimit: 8 }), paginakoppen);

  async function geldigeLink(token: string): Promise<Link | Weigering> {
    const id = linkIdVan(token);
    const link = id ? await prisma.link.findUnique({ where: { id } }) : null;
    if (!link || !tekentKlopt(geheim, link, token)) return 'onbekend';
    if (link.ingetrokkenOp) return 'ingetrokken';
    if (link.eenmalig && link.gebruiktOp) return 'gebruikt';
    if (link.verlooptOp.getTime() <= Date.now()) return 'verlopen';
    return link;
  }

  async function omgeving(link: Link): Promise<Omgeving> {
    const [persoon, zaak, rollen, hoofdpersoon, voorstel] = await Promise.all([
      prisma.persoon.findUniqueOrThrow({ where: { id: link.persoonId } }),
      prisma.zaak.findUniqueOrThrow({ where: { id: link.zaakId } }),
      rollenInZaak(prisma, link.zaakId, link.persoonId),
      prisma.deelnemer.findFirst({ where: { zaakId: link.zaakId, rol: 'hoofdpersoon' }, include: { persoon: true } }),
      prisma.datumVoorstel.findFirst({ where: { zaakId: link.zaakId, status: 'bevestigd' } }),
    ]);
    const contactId = zaak.coordinatorId ?? zaak.regiomanagerId;
    const contact = contactId ? await prisma.persoon.findUnique({ where: { id: contactId } }) : null;
    const taal = taalVan(persoon.taal);
    const w = WOORDEN[taal];
    return {
      afgesloten: zaak.fase === 'afgesloten',
      link,
      persoon,
      w,
      taal,
      rollen,
      familie: hoofdpersoon ? voornaam(hoofdpersoon.persoon.naam) : w.hetGezin,
      coordinator: contact
        ? { naam: contact.naam, telefoon: contact.telefoon ?? undefined, email: contact.email ?? undefined }
        : undefined,
      conferentie: voorstel ? { op: voorstel.op, plaats: voorstel.plaats } : undefined,
    };
  }

  /** What this is about: the family, the conference, and whom to call. */
  function Waarover({ o }: { o: Omgeving }) {
    const { w } = o;
    const rijen: Array<[string, ComponentChildren]> = [[w.conferentieVoor, o.familie]];
    if (o.conferentie) {
      rijen.push([w.wanneer, w.moment(o.conferentie.op)]);
      if (o.conferentie.plaats) rijen.push([w.waar, o.conferentie.plaats]);
    }
    if (o.coordinator) {
      rijen.push([
        w.coordinator,
        <>
          {o.coordinator.naam}
          {o.coordinator.telefoon && (
            <>
              {', '}
              <a class="utrecht-link" href={`tel:${o.coordinator.telefoon.replace(/[^+\d]/g, '')}`}>
                {o.coordinator.telefoon}
              </a>
            </>
          )}
          {!o.coordinator.telefoon && o.coordinator.email && (
            <>
              {', '}
              <a class="utrecht-link" href={`mailto:${o.coordinator.email}`}>
                {o.coordinator.email}
              </a>
            </>
          )}
        </>,
      ]);
    }
    return (
      <section aria-labelledby="waarover">
        <Kop2 id="waarover">{w.waaroverKop}</Kop2>
        <Gegevens rijen={rijen} />
      </section>
    );
  }

  /** The form of an action link, with an optional note: one press is one command. */
  function Actieformulier(props: {
    notitie?: { label: string; waarde?: string };
    /** Kept from a press that may have come through (a time-out): pressing again is the same press. */
    poging?: string;
    children: ComponentChildren;
  }) {
    return (
      <Formulier commando sleutel={props.poging}>
        {props.notitie && (
          <div class="utrecht-form-field utrecht-form-field--textarea">
            <label class="utrecht-form-label" for="notitie">
              {props.notitie.label}
            </label>
            <textarea class="utrecht-textarea" id="notitie" name="notitie" rows={4} maxLength={1000}>
              {props.notitie.waarde ?? ''}
            </textarea>
          </div>
        )}
        {props.children}
      </Formulier>
    );
  }

  function Noodhulp({ w }: { w: Linkwoorden }) {
    return (
      <Melding soort="warning">
        <Alinea>{w.noodgeval}</Alinea>
      </Melding>
    );
  }

  async function voorwaarden(o: Omgeving) {
    const formulieren = await prisma.voorwaardenFormulier.findMany({
      where: { zaakId: o.link.zaakId, status: 'gepubliceerd' },
      include: { voorwaarden: { orderBy: { nummer: 'asc' } } },
      orderBy: { gepubliceerdOp: 'asc' },
    });
    const vanWie = await prisma.persoon.findMany({ where: { id: { in: formulieren.map((f) => f.professionalId) } } });
    // The latest version of each professional's form is the one that counts.
    const geldend = formulieren.filter(
      (f) => !formulieren.some((g) => g.professionalId === f.professionalId && g.versie > f.versie),
    );
    const { w } = o;
    return (
      <>
        <Alinea>{w.voorwaardenUitleg}</Alinea>
        {geldend.length === 0 && <Alinea>{w.geenVoorwaarden}</Alinea>}
        {geldend.map((f) => {
          const p = vanWie.find((x) => x.id === f.professionalId);
          return (
            <section class="kring-blok">
              <Kop2>{p ? `${p.naam}${p.organisatie ? ` (${p.organisatie})` : ''}` : w.professional}</Kop2>
              <Alinea>
                <strong>{w.zorgen}</strong> {f.zorgen}
              </Alinea>
              <ol class="utrecht-ordered-list">
                {f.voorwaarden.map((v) => (
                  <li class="utrecht-ordered-list__item">{v.tekst}</li>
                ))}
              </ol>
            </section>
          );
        })}
      </>
    );
  }

  async function plan(o: Omgeving) {
    const geldend = await prisma.plan.findFirst({
      where: { zaakId: o.link.zaakId, status: 'geaccepteerd' },
      orderBy: { versie: 'desc' },
      include: { acties: { orderBy: { nummer: 'asc' } }, hulpvragen: true },
    });
    const { w } = o;
    if (!geldend) return <Alinea>{w.geenPlan}</Alinea>;
    const alleenEigenDeel = !o.rollen.some((r) => r === 'hoofdpersoon' || r === 'netwerk');
    const hulpvragen = geldend.hulpvragen.filter((h) => !alleenEigenDeel || h.professionalId === o.persoon.id);
    const aan = await prisma.persoon.findMany({ where: { id: { in: hulpvragen.map((h) => h.professionalId) } } });
    // The standing links that came with the same message, for those who read on a phone.
    const zusjes = o.link.sleutel
      ? await prisma.link.findMany({
          where: { sleutel: { startsWith: o.link.sleutel.replace(/:[^:]+$/, ':') }, id: { not: o.link.id } },
        })
      : [];
    const verder = (
      [
        ['niet-goed', w.nietGoedLink],
        ['tevredenheid', w.tevredenheidLink],
      ] as const
    ).flatMap(([doel, woorden]) => {
      const zus = zusjes.find((l) => l.doel === doel);
      return zus ? [[zus, woorden] as const] : [];
    });
    return (
      <>
        <Alinea>{alleenEigenDeel ? w.eigenDeelUitleg : w.planUitleg(geldend.versie ?? 1)}</Alinea>
        {!alleenEigenDeel && (
          <section class="kring-blok">
            <Kop2>{w.afspraken}</Kop2>
            <ol class="utrecht-ordered-list">
              {geldend.acties.map((a) => (
                <li class="utrecht-ordered-list__item">
                  {a.wat}{' '}
                  <span class="kring-zacht">
                    ({w.wie}: {a.wie}
                    {a.uiterlijk && `, ${w.uiterlijk} ${w.dag(a.uiterlijk)}`})
                  </span>
                </li>
              ))}
            </ol>
          </section>
        )}
        {hulpvragen.length > 0 && (
          <section class="kring-blok">
            <Kop2>{alleenEigenDeel ? w.vanU : w.hulpvragen}</Kop2>
            <ul class="utrecht-unordered-list">
              {hulpvragen.map((h) => {
                const p = aan.find((x) => x.id === h.professionalId);
                return (
                  <li class="utrecht-unordered-list__item">
                    {!alleenEigenDeel && p && (
                      <strong>{`${p.naam}${p.organisatie ? ` (${p.organisatie})` : ''}: `}</strong>
                    )}
                    {h.tekst}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        {verder.length > 0 && (
          <section class="kring-blok">
            <Kop2>{w.verder}</Kop2>
            <ul class="utrecht-unordered-list">
              {verder.map(([zus, woorden]) => (
                <li class="utrecht-unordered-list__item">
                  <a class="utrecht-link" href={`/l/${linkToken(geheim, zus)}`}>
                    {woorden}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    );
  }

  /** The page of a link that works: its action, with what was typed when a press was refused. */
  async function toon(
    res: Response,
    o: Omgeving,
    na?: { status: number; uitleg: string; notitie?: string; poging?: string },
  ) {
    const { w } = o;
    const doel = o.link.doel as Linkdoel;
    const t = w.doelen[doel];
    const fout = na && (
      <Melding soort="error">
        <Alinea>{na.uitleg}</Alinea>
      </Melding>
    );
    let inhoud: ComponentChildren;
    switch (doel) {
      case 'aanwezigheid': {
        const d = await prisma.deelnemer.findFirst({
          where: { zaakId: o.link.zaakId, persoonId: o.persoon.id, rol: { in: ['netwerk', 'professional'] } },
        });
        inhoud = (
          <>
            {fout}
            <Alinea>{t.uitleg}</Alinea>
            {d?.uitnodiging === 'bevestigd' && <Melding soort="info">{w.alGezegd(true)}</Melding>}
            {d?.uitnodiging === 'afgemeld' && <Melding soort="info">{w.alGezegd(false)}</Melding>}
            <Actieformulier poging={na?.poging} notitie={{ label: t.notitie!, waarde: na?.notitie }}>
              <div class="kring-knoppen">
                <Knop naam="komt" waarde="ja">
                  {w.ikKom}
                </Knop>
                <Knop soort="secondary" naam="komt" waarde="nee">
                  {w.ikKanNiet}
                </Knop>
              </div>
            </Actieformulier>
          </>
        );
        break;
      }
      case 'niet-goed':
        inhoud = (
          <>
            {fout}
            <Alinea>{t.uitleg}</Alinea>
            <Noodhulp w={w} />
            <Actieformulier poging={na?.poging} notitie={{ label: t.notitie!, waarde: na?.notitie }}>
              <Knop>{t.knop!}</Knop>
            </Actieformulier>
          </>
        );
        break;
      case 'signaal': {
        // Taken up already: what is left is to say that the circle has met.
        const verder = (
          await prisma.gebeurtenis.findMany({
            where: {
              zaakId: o.link.zaakId,
              soort: { in: ['signaal.opgepakt', 'signaal.kring-bijeen', 'bijeenkomst'] },
            },
          })
        ).filter((e) => (e.details as { signaalId?: string }).signaalId === o.link.onderwerpId);
        const bijeen = verder.some((e) => e.soort !== 'signaal.opgepakt');
        const opgepakt = verder.length > 0;
        inhoud = (
          <>
            {fout}
            <Alinea>{bijeen ? w.kringWasBijeen : opgepakt ? w.signaalOpgepakt : t.uitleg}</Alinea>
            <Noodhulp w={w} />
            {bijeen ? null : opgepakt ? (
              <Actieformulier poging={na?.poging} notitie={{ label: w.bijeenNotitie, waarde: na?.notitie }}>
                <input type="hidden" name="actie" value="bijeen" />
                <Knop>{w.kringBijeenKnop}</Knop>
              </Actieformulier>
            ) : (
              <Actieformulier poging={na?.poging}>
                <Knop>{t.knop!}</Knop>
              </Actieformulier>
            )}
          </>
        );
        break;
      }
      case 'tevredenheid': {
        const eerder = await prisma.tevredenheid.findUnique({
          where: { zaakId_persoonId: { zaakId: o.link.zaakId, persoonId: o.persoon.id } },
        });
        inhoud = (
          <>
            {fout}
            <Alinea>{t.uitleg}</Alinea>
            <Actieformulier
              poging={na?.poging}
              notitie={{ label: t.notitie!, waarde: na?.notitie ?? eerder?.opmerking ?? '' }}
            >
              <fieldset class="utrecht-form-fieldset kring-score">
                <legend class="utrecht-form-fieldset__legend">{w.scoreVraag}</legend>
                {w.scores.map((naam, i) => (
                  <div class="utrecht-form-field utrecht-form-field--radio">
                    <input
                      class="utrecht-radio-button"
                      type="radio"
                      id={`score-${i + 1}`}
                      name="score"
                      value={String(i + 1)}
                      checked={eerder?.score === i + 1}
                    />{' '}
                    <label class="utrecht-form-label utrecht-form-label--radio" for={`score-${i + 1}`}>
                      {naam}
                    </label>
                  </div>
                ))}
              </fieldset>
              <Knop>{t.knop!}</Knop>
            </Actieformulier>
          </>
        );
        break;
      }
      default:
        inhoud = doel === 'voorwaarden' ? await voorwaarden(o) : await plan(o);
    }
    res
      .status(na?.status ?? 200)
      .type('html')
      .send(
        gezinspagina(
          w,
          o.taal,
          t.titel,
          <>
            {inhoud}
            <Waarover o={o} />
          </>,
        ),
      );
  }

  function weiger(res: Response, reden: Weigering, taal: Taal = 'nl'): void {
    const w = WOORDEN[taal];
    const { titel, uitleg } = w.weigeringen[reden];
    res
      .status(reden === 'onbekend' ? 404 : 410)
      .type('html')
      .send(gezinspagina(w, taal, titel, <Alinea>{uitleg}</Alinea>));
  }

  /** The link's language for a refusal page, when the link itself is known. */
  async function taalVoorLink(token: string): Promise<Taal> {
    const id = linkIdVan(token);
    const link = id ? await prisma.link.findUnique({ where: { id }, select: { persoonId: true } }) : null;
    if (!link) return 'nl';
    const p = await prisma.persoon.findUnique({ where: { id: link.persoonId }, select: { taal: true } });
    return taalVan(p?.taal);
  }

  router.get('/:token', async (req, res) => {
    const link = await geldigeLink(req.params.token);
    if (typeof link === 'string')
      return weiger(res, link, link === 'onbekend' ? 'nl' : await taalVoorLink(req.params.token));
    // The log line of this request names the case (the path holds only the link's key).
    req.zaakId = link.zaakId;
    const o = await omgeving(link);
    if (o.afgesloten) return weiger(res, 'afgesloten', o.taal);
    if (!rolVoorLink(link.doel as Linkdoel, o.rollen)) return weiger(res, 'ingetrokken', o.taal);
    if (link.doel === 'voorwaarden' || link.doel === 'plan') {
      await vastleggen(prisma, { actor: 'link', via: `link:${link.id}` }, `link.${link.doel}.gelezen`, link.zaakId, {
        persoonId: link.persoonId,
      });
    }
    await toon(res, o);
  });

  router.post('/:token', async (req, res) => {
    const link = await geldigeLink(req.params.token);
    if (typeof link === 'string') return weiger(res, link, await taalVoorLink(req.params.token));
    // The log line of this request names the case (the path holds only the link's key).
    req.zaakId = link.zaakId;
    const o = await omgeving(link);
    if (o.afgesloten) return weiger(res, 'afgesloten', o.taal);
    const doel = link.doel as Linkdoel;
    const rol = rolVoorLink(doel, o.rollen);
    if (!rol) return weiger(res, 'ingetrokken', o.taal);
    if (doel === 'voorwaarden' || doel === 'plan') return toon(res, o);
    const notitie = typeof req.body?.notitie === 'string' ? req.body.notitie.trim().slice(0, 1000) : '';
    // A note kring cannot store is refused before the link is used: it still works.
    if (nulVeld(req.body)) {
      return toon(res, o, { status: 422, uitleg: o.w.nulTeken, notitie: notitie.replaceAll('\u0000', '') });
    }
    const poging =
      typeof req.body?._sleutel === 'string' && /^[\w-]{1,64}$/.test(req.body._sleutel) ? req.body._sleutel : '';
    const invoer = leesInvoer(doel, req);
    if (invoer === undefined)
      return toon(res, o, { status: 422, uitleg: o.w.kiesEerst[doel] ?? o.w.kiesEerst.standaard, notitie });

    // A link staff made works once: whoever marks it first goes on.
    const gebruiktOp = new Date();
    if (link.eenmalig) {
      const { count } = await prisma.link.updateMany({
        where: { id: link.id, gebruiktOp: null, ingetrokkenOp: null, verlooptOp: { gt: gebruiktOp } },
        data: { gebruiktOp },
      });
      if (count === 0) {
        const nu = await geldigeLink(req.params.token);
        return weiger(res, typeof nu === 'string' ? nu : 'gebruikt', o.taal);
      }
    }
    const vrijgeven = () =>
      link.eenmalig
        ? prisma.link.updateMany({ where: { id: link.id, gebruiktOp }, data: { gebruiktOp: null } })
        : Promise.resolve();
    const wie: Wie = { actor: 'link', via: `link:${link.id}` };
    // The command's id: this link and this page's attempt. A press repeated after "try again" stores nothing twice.
    // What was chosen and typed is part of it: a changed answer after "try again" is a new command.
    const wat = crypto
      .createHash('sha256')
      .update(JSON.stringify([invoer, notitie]))
      .digest('base64url')
      .slice(0, 16);
    const sleutel = poging ? `${link.id}:${poging}:${wat}` : link.id;
    const door: Door = { persoonId: link.persoonId, rol };
    const inhoud = { prisma, zaakId: link.zaakId, door, sleutel };
    let notitieId: string | undefined;
    try {
      if (doel === 'tevredenheid') {
        await tevredenheidBewaren(link, o.rollen, invoer as number, notitie);
      } else if (doel === 'aanwezigheid') {
        notitieId = notitie ? await tekstBewaren(inhoud, 'notitie', notitie) : undefined;
        await proces.opdracht(
          link.zaakId,
          'aanwezigheidDoorgeven',
          { door, komt: invoer === true, notitieId },
          sleutel,
        );
      } else if (doel === 'niet-goed') {
        notitieId = await tekstBewaren(inhoud, 'signaal', notitie || o.w.zonderToelichting);
        await proces.opdracht(link.zaakId, 'nietGoedMelden', { door, tekstId: notitieId }, sleutel);
      } else if (doel === 'signaal' && link.onderwerpId && invoer === true) {
        notitieId = notitie ? await tekstBewaren(inhoud, 'verslag', notitie) : undefined;
        const bijeen = { door, signaalId: link.onderwerpId, notitieId };
        await proces.opdracht(link.zaakId, 'kringBijeenGeweest', bijeen, sleutel);
      } else if (doel === 'signaal' && link.onderwerpId) {
        await proces.opdracht(link.zaakId, 'signaalOppakken', { door, signaalId: link.onderwerpId }, sleutel);
      }
    } catch (err) {
      if (err instanceof ProcesOnbereikbaar || err instanceof ProcesNietGestart) {
        // Not known to have happened: the link may be used again (a repeat is recognised by its id).
        await vrijgeven();
        res.set('Retry-After', String(err.opnieuwNaSeconden));
        return toon(res, o, { status: 503, uitleg: o.w.evenGeduld, notitie, poging });
      }
      if (!(err instanceof Geweigerd)) throw err;
      // Refused: nothing happened. The link stays usable and the note stays in the form, not on the case.
      await vrijgeven();
      if (notitieId) await prisma.tekst.deleteMany({ where: { id: notitieId, status: 'concept' } });
      return toon(res, o, { status: 409, uitleg: `${err.tekst(o.taal)} ${o.w.belDeCoordinator}`, notitie });
    }
    await vastleggen(prisma, wie, `link.${doel}`, link.zaakId, { persoonId: link.persoonId });
    const bedankt = o.w.bedankt(doel, invoer);
    res.type('html').send(
      gezinspagina(
        o.w,
        o.taal,
        o.w.dankUWel,
        <>
          <Melding soort="ok">
            <Alinea>{bedankt}</Alinea>
          </Melding>
          {doel === 'niet-goed' && <Noodhulp w={o.w} />}
          <Waarover o={o} />
        </>,
      ),
    );
  });

  /** The person's group for the satisfaction report, as they took part. */
  async function tevredenheidBewaren(link: Link, rollen: string[], score: number, opmerking: string) {
    const groep = rollen.includes('hoofdpersoon')
      ? 'familie'
      : rollen.includes('netwerk') || rollen.includes('aangewezen')
        ? 'netwerk'
        : 'professionals';
    const gegeven = { groep, score, opmerking: opmerking || null, gegevenOp: new Date() };
    await prisma.tevredenheid.upsert({
      where: { zaakId_persoonId: { zaakId: link.zaakId, persoonId: link.persoonId } },
      create: { zaakId: link.zaakId, persoonId: link.persoonId, ...gegeven },
      update: gegeven,
    });
  }

  return router;
}

/** What the press says: come or not; a score; the circle met or not; nothing more for the others. Undefined: not chosen. */
function leesInvoer(doel: Linkdoel, req: Request): boolean | number | null | undefined {
  if (doel === 'aanwezigheid') {
    // A page from before the choice had one button, meaning yes.
    const komt = req.body?.komt ?? 'ja';
    return komt === 'ja' ? true : komt === 'nee' ? false : undefined;
  }
  if (doel === 'tevredenheid') {
    const score = Number(req.body?.score);
    return Number.isInteger(score) && score >= 1 && score <= 5 ? score : undefined;
  }
  if (doel === 'signaal') return req.body?.actie === 'bijeen';
  return null;
}
