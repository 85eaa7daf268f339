// The commands a case takes, phase by phase: who may give each, when, and what it changes.
// Each is a workflow update whose validator refuses what does not fit (so the refusal never
// enters history) and whose handler records the change before the state shows it.
import type { UpdateDefinition } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import * as wf from '@temporalio/workflow';
import { afwijzing, isAfwijzing, type Reden } from './afwijzing';
import { kandidatenZoeken, type Registratie } from './registratie';
import { na, voor, type Termijnen } from './termijnen';
import {
  aangewezenPersonen,
  coordinator,
  deelnemer,
  genodigden,
  huidigeTermijn,
  iso,
  ms,
  regiomanager,
  toetsers,
} from './toestand';
import {
  opdrachten,
  ROLLEN_PER_OPDRACHT,
  type Afsluiting,
  type Door,
  type Fase,
  type Opdracht,
  type Opdrachtnaam,
  type Rol,
  type Opdrachtresultaat,
  type ZaakToestand,
} from './zaak-interface';

type ArgVan<K extends Opdrachtnaam> =
  (typeof opdrachten)[K] extends UpdateDefinition<Opdrachtresultaat, [infer A], string>
    ? A extends Opdracht
      ? A
      : never
    : never;

interface Regel<A extends Opdracht> {
  fasen: Fase[];
  /** Whether the caller holds the role in this case; by default, as `houdtRol` says. */
  wie?: (door: Door) => boolean;
  /** What else must hold; a reason when it does not. */
  controle?: (a: A) => Reden | undefined;
  uitvoeren: (a: A) => Promise<void>;
}

const ACTIEF: Fase[] = ['intake', 'voorbereiding', 'conferentie', 'uitvoering'];
// A clock skew allowance for "it happened at …" given by a caller.
const KLOKSPELING_MS = 5 * 60_000;
const LANGSTE_VERLENGING_MS = 26 * 7 * 24 * 60 * 60_000;
// The evaluation may be recorded from the day before its date (meetings run into the evening).
const EVALUATIE_SPELING_MS = 24 * 60 * 60_000;

const ROL: Record<Rol, { nl: string; en: string }> = {
  regiomanager: { nl: 'de regiomanager', en: 'the regiomanager' },
  coordinator: { nl: 'de coördinator', en: 'the coordinator' },
  professional: { nl: 'een professional in deze zaak', en: 'a professional in this case' },
  hoofdpersoon: { nl: 'de hoofdpersoon', en: 'the main person' },
  aangewezen: { nl: 'de door het netwerk aangewezen persoon', en: 'the person the network designated' },
  deelnemer: { nl: 'een deelnemer', en: 'a participant' },
};

const reden = (code: string, nl: string, en: string): Reden => ({ code, nl, en });

function ofLijst(woorden: string[], of: string): string {
  return woorden.length < 2 ? (woorden[0] ?? '') : `${woorden.slice(0, -1).join(', ')} ${of} ${woorden.at(-1)}`;
}

function geldigMoment(waarde: unknown): waarde is string {
  return typeof waarde === 'string' && !Number.isNaN(Date.parse(waarde));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every id a command carries is a uuid: a malformed one would otherwise reach the database
 * and be retried there for ever, holding up every command behind it.
 */
function vorm(a: Opdracht): Reden | undefined {
  if (typeof a !== 'object' || a === null || typeof a.door?.persoonId !== 'string' || !(a.door.rol in ROL)) {
    return reden(
      'ongeldige-opdracht',
      'De opdracht zegt niet wie hem geeft.',
      'The command does not say who gives it.',
    );
  }
  const ids = Object.entries({ ...a, persoonId: a.door.persoonId }).flatMap(([veld, waarde]) =>
    veld.endsWith('Id') || veld === 'aangewezen' || veld === 'aanwezigen' || veld === 'voorgesteldDoor'
      ? [waarde].flat()
      : [],
  );
  if (ids.some((id) => typeof id !== 'string' || !UUID.test(id))) {
    return reden(
      'ongeldige-id',
      'Een id in de opdracht is geen geldige id.',
      'An id in the command is not a valid id.',
    );
  }
  return undefined;
}

export function registreerOpdrachten(z: ZaakToestand, reg: Registratie, termijnen: Termijnen): void {
  const nu = () => iso(Date.now());

  function houdtRol(door: Door): boolean {
    switch (door.rol) {
      case 'regiomanager':
        return z.regiomanagerId === door.persoonId;
      case 'coordinator':
        return z.intake.coordinatorId === door.persoonId;
      case 'professional':
        return deelnemer(z, door.persoonId, 'professional') !== undefined;
      case 'hoofdpersoon':
        return deelnemer(z, door.persoonId, 'hoofdpersoon') !== undefined;
      case 'aangewezen':
        return deelnemer(z, door.persoonId)?.aangewezen === true;
      case 'deelnemer': {
        const d = deelnemer(z, door.persoonId);
        return d !== undefined && d.rol !== 'aanvrager';
      }
    }
  }

  function toets<A extends Opdracht>(naam: Opdrachtnaam, regel: Regel<A>, a: A): Reden | undefined {
    const ongeldig = vorm(a);
    if (ongeldig) return ongeldig;
    const rollen = ROLLEN_PER_OPDRACHT[naam];
    if (!rollen.includes(a.door.rol)) {
      const wie = rollen.map((r) => ROL[r]);
      return reden(
        'verkeerde-rol',
        `Dit is aan ${ofLijst(
          wie.map((w) => w.nl),
          'of',
        )}.`,
        `This is for ${ofLijst(
          wie.map((w) => w.en),
          'or',
        )}.`,
      );
    }
    if (!(regel.wie ?? houdtRol)(a.door)) {
      if (a.door.rol === 'regiomanager' && !z.regiomanagerId) {
        return reden(
          'geen-regiomanager',
          'Voor de regio van deze zaak is geen regiomanager ingesteld.',
          "No regiomanager is set for this case's region.",
        );
      }
      return reden(
        'niet-uw-zaak',
        `U bent niet ${ROL[a.door.rol].nl} van deze zaak.`,
        `You are not ${ROL[a.door.rol].en} of this case.`,
      );
    }
    if (!regel.fasen.includes(z.fase)) {
      return reden(
        'verkeerde-fase',
        `Dit kan alleen in fase ${ofLijst(regel.fasen, 'of')}; de zaak is in fase ${z.fase}.`,
        `This is only possible in phase ${ofLijst(regel.fasen, 'or')}; the case is in phase ${z.fase}.`,
      );
    }
    return regel.controle?.(a);
  }

  function koppel<K extends Opdrachtnaam>(naam: K, regel: Regel<ArgVan<K>>): void {
    const weiger = (a: ArgVan<K>) => {
      const r = toets(naam, regel, a);
      if (r) throw afwijzing(r);
    };
    // While the request is still being taken in, who holds which role is not known yet: the
    // command waits its turn behind the intake and is checked fully then.
    const validator = (a: ArgVan<K>) => {
      const r = z.fase === 'aanvraag' ? vorm(a) : toets(naam, regel, a);
      if (r) throw afwijzing(r);
    };
    wf.setHandler(
      opdrachten[naam] as UpdateDefinition<Opdrachtresultaat, [ArgVan<K>], string>,
      (a) =>
        reg.beurt(async () => {
          // Checked again in turn: a command queued behind another may no longer fit.
          weiger(a);
          try {
            await regel.uitvoeren(a);
          } catch (err) {
            // Content a command referred to was not there: refused like any other.
            throw err instanceof wf.ActivityFailure && isAfwijzing(err.cause) ? err.cause : err;
          }
          return { fase: z.fase, termijn: huidigeTermijn(z) };
        }),
      { validator },
    );
  }

  const gebruik = <K extends Opdrachtnaam>(regels: { [N in K]: Regel<ArgVan<N>> }) => {
    for (const naam of Object.keys(regels) as K[]) koppel(naam, regels[naam]);
  };

  // ---- Intake ----------------------------------------------------------------------------

  /** Ranks the coordinators again (the circle may have grown: independence) and keeps the order. */
  async function herrangschik(door?: Door): Promise<string[]> {
    // The ranking itself, with its reasons, goes into the case timeline for the regiomanager.
    const kandidaten = await kandidatenZoeken({ zaakId: z.zaakId, afgewezenDoor: z.intake.afgewezenDoor });
    await reg.leg([{ soort: 'kandidaten.herzien', aantal: kandidaten.length }], door, (n) => {
      n.intake.kandidaten = kandidaten;
    });
    return kandidaten;
  }

  async function aanbieden(coordinatorId: string, door?: Door) {
    const ingetrokken = z.intake.aangeboden;
    await reg.leg(
      [
        ...(ingetrokken ? [{ soort: 'coordinator.aanbod-ingetrokken' as const, coordinatorId: ingetrokken }] : []),
        { soort: 'coordinator.aangeboden', coordinatorId },
      ],
      door,
      (n) => {
        n.intake.aangeboden = coordinatorId;
        n.intake.aanbiedingen += 1;
      },
    );
    const ontvanger = [{ persoonId: coordinatorId, rol: 'coordinator' }];
    await reg.meld('coordinator.aanbod', `aanbod.${z.intake.aanbiedingen}`, ontvanger);
  }

  const geenKandidaat = reden(
    'geen-kandidaat',
    'Deze coördinator staat niet (meer) op de lijst van passende kandidaten voor deze zaak.',
    'This coordinator is not (or no longer) on the list of suitable candidates for this case.',
  );

  gebruik({
    coordinatorKiezen: {
      fasen: ['intake'],
      controle: ({ coordinatorId }) => {
        if (z.intake.coordinatorId) {
          return reden('al-gekozen', 'Deze zaak heeft al een coördinator.', 'This case has a coordinator already.');
        }
        return z.intake.kandidaten.includes(coordinatorId) ? undefined : geenKandidaat;
      },
      uitvoeren: async ({ coordinatorId, door }) => {
        // Checked against today's circle and caseloads, not those of when the request came in.
        if (!(await herrangschik(door)).includes(coordinatorId)) throw afwijzing(geenKandidaat);
        await aanbieden(coordinatorId, door);
      },
    },

    opdrachtBeantwoorden: {
      fasen: ['intake'],
      wie: (door) => door.persoonId === z.intake.aangeboden,
      uitvoeren: async ({ aanvaard, redenId, door }) => {
        const coordinatorId = door.persoonId;
        if (aanvaard) {
          await reg.leg([{ soort: 'coordinator.aanvaard', coordinatorId }], door, (n) => {
            n.intake.coordinatorId = coordinatorId;
            n.intake.aangeboden = undefined;
          });
          await reg.meld('coordinator.aanvaard', 'aanvaard', regiomanager(z));
          return;
        }
        // Declined: the next best candidate is offered at once; the regiomanager may still choose another.
        await reg.leg([{ soort: 'coordinator.afgewezen', coordinatorId, redenId }], door, (n) => {
          n.intake.afgewezenDoor.push(coordinatorId);
          n.intake.aangeboden = undefined;
        });
        const [volgende] = await herrangschik();
        if (volgende) await aanbieden(volgende);
        else
          await reg.meld(
            'coordinator.geen-kandidaten',
            `geen-kandidaten.${z.intake.afgewezenDoor.length}`,
            regiomanager(z),
          );
      },
    },

    contactVastleggen: {
      fasen: ['intake'],
      wie: (door) => door.persoonId === z.intake.coordinatorId,
      controle: ({ op }) => {
        if (op === undefined) return undefined;
        if (!geldigMoment(op) || ms(op) < ms(z.aangevraagdOp) || ms(op) > Date.now() + KLOKSPELING_MS) {
          return reden(
            'ongeldig-moment',
            'Het moment van contact moet tussen de aanvraag en nu liggen.',
            'The moment of contact must lie between the request and now.',
          );
        }
        return undefined;
      },
      uitvoeren: async ({ op, door }) => {
        const contactOp = op ? iso(ms(op)) : nu();
        const begonnen = Date.now();
        await reg.leg(
          [
            { soort: 'contact', op: contactOp },
            { soort: 'fase', fase: 'voorbereiding' },
          ],
          door,
          (n) => {
            n.intake.contactOp = contactOp;
            n.fase = 'voorbereiding';
            n.voorbereiding.begonnenOp = iso(begonnen);
            n.voorbereiding.herinneringOp = iso(na(begonnen, termijnen.datumHerinnering));
            n.voorbereiding.escalatieOp = iso(na(begonnen, termijnen.datumEscalatie));
          },
        );
      },
    },
  });

  // ---- Voorbereiding: the question, the circle, the conditions, the date -------------------

  gebruik({
    deelnemerToevoegen: {
      fasen: ACTIEF,
      controle: ({ persoonId, rol, wettelijkeRol }) => {
        if (deelnemer(z, persoonId, rol)) {
          return reden(
            'al-deelnemer',
            'Deze persoon doet al mee in deze rol.',
            'This person takes part in this role already.',
          );
        }
        if (z.fase === 'voorbereiding' && z.voorbereiding.kringCompleet) {
          return reden(
            'kring-compleet',
            'De kring is compleet verklaard; heropen hem eerst.',
            'The circle was declared complete; reopen it first.',
          );
        }
        if (wettelijkeRol && rol !== 'professional') {
          return reden(
            'geen-professional',
            'Alleen een professional heeft een wettelijke rol.',
            'Only a professional has a legal role.',
          );
        }
        return undefined;
      },
      uitvoeren: async ({ persoonId, rol, wettelijkeRol, voorgesteldDoor, door }) => {
        await reg.leg(
          [{ soort: 'deelnemer.toegevoegd', persoonId, rol, wettelijkeRol, voorgesteldDoor }],
          door,
          (n) => {
            n.deelnemers.push({
              persoonId,
              rol,
              wettelijkeRol,
              uitnodiging: 'niet_uitgenodigd',
              bezoek: 'niet_gepland',
            });
          },
        );
        // A new name may be someone a candidate coordinator knows: no longer independent.
        if (z.fase === 'intake' && !z.intake.coordinatorId) await herrangschik();
      },
    },

    deelnemerBijwerken: {
      fasen: ['voorbereiding', 'conferentie'],
      controle: ({ persoonId, uitnodiging, bezoek }) => {
        const d = deelnemer(z, persoonId);
        if (!d || d.rol === 'aanvrager') {
          return reden(
            'geen-deelnemer',
            'Deze persoon is geen deelnemer van deze zaak.',
            'This person is not a participant in this case.',
          );
        }
        if (!uitnodiging && !bezoek)
          return reden('niets', 'Er is niets om bij te werken.', 'There is nothing to update.');
        return undefined;
      },
      uitvoeren: async ({ persoonId, uitnodiging, bezoek, door }) => {
        const eerderUitgenodigd = deelnemer(z, persoonId)!.uitnodiging !== 'niet_uitgenodigd';
        await reg.leg([{ soort: 'deelnemer.bijgewerkt', persoonId, uitnodiging, bezoek }], door, (n) => {
          for (const d of n.deelnemers.filter((d) => d.persoonId === persoonId && d.rol !== 'aanvrager')) {
            if (uitnodiging) d.uitnodiging = uitnodiging;
            if (bezoek) d.bezoek = bezoek;
          }
        });
        if (uitnodiging === 'uitgenodigd' && !eerderUitgenodigd) {
          const ontvanger = [{ persoonId, rol: deelnemer(z, persoonId)!.rol }];
          await reg.meld('uitnodiging', `uitnodiging.${persoonId}`, ontvanger);
          // Everyone invited may read the conditions: a late invitee gets the published forms too.
          for (const v of z.voorwaarden.filter((v) => v.gepubliceerd)) {
            await reg.meld('voorwaarden.gedeeld', `voorwaarden.${v.gepubliceerd!.formulierId}`, ontvanger);
          }
        }
      },
    },

    aanwezigheidDoorgeven: {
      fasen: ['voorbereiding'],
      controle: ({ door }) =>
        deelnemer(z, door.persoonId)!.uitnodiging === 'niet_uitgenodigd'
          ? reden('niet-uitgenodigd', 'U bent nog niet uitgenodigd.', 'You have not been invited yet.')
          : undefined,
      uitvoeren: async ({ komt, door }) => {
        const uitnodiging = komt ? 'bevestigd' : 'afgemeld';
        await reg.leg([{ soort: 'deelnemer.bijgewerkt', persoonId: door.persoonId, uitnodiging }], door, (n) => {
          for (const d of n.deelnemers.filter((d) => d.persoonId === door.persoonId && d.rol !== 'aanvrager')) {
            d.uitnodiging = uitnodiging;
          }
        });
      },
    },

    kringCompleet: {
      fasen: ['voorbereiding'],
      uitvoeren: ({ compleet, door }) =>
        reg.leg([{ soort: 'kring', compleet }], door, (n) => {
          n.voorbereiding.kringCompleet = compleet;
        }),
    },

    vraagVastleggen: {
      fasen: ['intake', 'voorbereiding'],
      uitvoeren: ({ tekstId, door }) =>
        reg.leg([{ soort: 'vraag', tekstId }], door, (n) => {
          n.voorbereiding.vraagId = tekstId;
        }),
    },

    voorwaardenIndienen: {
      fasen: ['intake', 'voorbereiding'],
      controle: ({ door, versie, aantal }) => {
        if (!deelnemer(z, door.persoonId, 'professional')?.wettelijkeRol) {
          return reden(
            'geen-wettelijke-rol',
            'Alleen een professional met een wettelijke rol (jeugdbescherming, reclassering, curator, schuldhulpverlening of een rechterlijke maatregel) stelt voorwaarden.',
            'Only a professional with a legal role (youth protection, probation, curator, debt restructuring or a court measure) sets conditions.',
          );
        }
        const eerder = z.voorwaarden.find((v) => v.professionalId === door.persoonId);
        if (!Number.isInteger(aantal) || aantal < 1 || (eerder && versie <= eerder.ingediend.versie)) {
          return reden(
            'ongeldige-versie',
            'Een nieuwe versie heeft minstens één voorwaarde en een hoger versienummer.',
            'A new version has at least one condition and a higher version number.',
          );
        }
        return undefined;
      },
      uitvoeren: ({ door, formulierId, versie, aantal }) =>
        reg.leg(
          [{ soort: 'voorwaarden.ingediend', formulierId, professionalId: door.persoonId, versie, aantal }],
          door,
          (n) => {
            const eerder = n.voorwaarden.find((v) => v.professionalId === door.persoonId);
            if (eerder) eerder.ingediend = { formulierId, versie, aantal };
            else n.voorwaarden.push({ professionalId: door.persoonId, ingediend: { formulierId, versie, aantal } });
          },
        ),
    },

    voorwaardenPubliceren: {
      fasen: ['intake', 'voorbereiding'],
      controle: ({ door, formulierId }) => {
        const eigen = z.voorwaarden.find((v) => v.professionalId === door.persoonId);
        if (eigen?.ingediend.formulierId !== formulierId || eigen.gepubliceerd?.formulierId === formulierId) {
          return reden(
            'niet-te-publiceren',
            'Alleen uw laatst ingediende, nog niet gepubliceerde versie kan worden gepubliceerd.',
            'Only your latest submitted, not yet published version can be published.',
          );
        }
        return undefined;
      },
      uitvoeren: async ({ door, formulierId }) => {
        await reg.leg([{ soort: 'voorwaarden.gepubliceerd', formulierId }], door, (n) => {
          const eigen = n.voorwaarden.find((v) => v.professionalId === door.persoonId)!;
          eigen.gepubliceerd = eigen.ingediend;
        });
        // A public document: the coordinator lets every invitee read it.
        await reg.meld('voorwaarden.gedeeld', `voorwaarden.${formulierId}`, [...genodigden(z), ...coordinator(z)]);
      },
    },

    datumVoorstellen: {
      fasen: ['voorbereiding'],
      controle: ({ voorstelId, op }) => {
        if (!geldigMoment(op) || ms(op) <= Date.now()) {
          return reden('datum-voorbij', 'Stel een datum in de toekomst voor.', 'Propose a date in the future.');
        }
        if (z.voorbereiding.datumvoorstellen.some((v) => v.id === voorstelId)) {
          return reden('al-voorgesteld', 'Dit voorstel is er al.', 'This proposal exists already.');
        }
        return undefined;
      },
      uitvoeren: ({ voorstelId, op, door }) =>
        reg.leg([{ soort: 'datum.voorgesteld', voorstelId, op: iso(ms(op)) }], door, (n) => {
          n.voorbereiding.datumvoorstellen.push({ id: voorstelId, op: iso(ms(op)), beschikbaar: {} });
        }),
    },

    beschikbaarheidVastleggen: {
      fasen: ['voorbereiding'],
      controle: ({ voorstelId, professionalId, door }) => {
        if (door.rol === 'professional' && door.persoonId !== professionalId) {
          return reden(
            'niet-uzelf',
            'Een professional geeft alleen de eigen beschikbaarheid.',
            'A professional gives only their own availability.',
          );
        }
        if (!deelnemer(z, professionalId, 'professional')) {
          return reden(
            'geen-professional',
            'Deze persoon is geen professional in deze zaak.',
            'This person is not a professional in this case.',
          );
        }
        if (!z.voorbereiding.datumvoorstellen.some((v) => v.id === voorstelId)) {
          return reden('onbekend-voorstel', 'Dit datumvoorstel bestaat niet.', 'This date proposal does not exist.');
        }
        return undefined;
      },
      uitvoeren: ({ voorstelId, professionalId, beschikbaar, door }) =>
        reg.leg([{ soort: 'beschikbaarheid', voorstelId, professionalId, beschikbaar }], door, (n) => {
          n.voorbereiding.datumvoorstellen.find((v) => v.id === voorstelId)!.beschikbaar[professionalId] = beschikbaar;
        }),
    },

    datumBevestigen: {
      fasen: ['voorbereiding'],
      controle: ({ voorstelId }) => {
        const voorstel = z.voorbereiding.datumvoorstellen.find((v) => v.id === voorstelId);
        if (!voorstel)
          return reden('onbekend-voorstel', 'Dit datumvoorstel bestaat niet.', 'This date proposal does not exist.');
        if (ms(voorstel.op) <= Date.now()) {
          return reden('datum-voorbij', 'Deze datum is al voorbij.', 'This date has passed.');
        }
        return undefined;
      },
      uitvoeren: async ({ voorstelId, door }) => {
        const op = z.voorbereiding.datumvoorstellen.find((v) => v.id === voorstelId)!.op;
        await reg.leg([{ soort: 'datum.bevestigd', voorstelId, op }], door, (n) => {
          n.voorbereiding.bevestigd = { voorstelId, op };
          // A reminder whose moment passed before the date was confirmed is not sent late.
          n.voorbereiding.conferentieHerinnerd = termijnen.conferentieHerinneringen
            .filter((vooraf) => voor(ms(op), vooraf) <= Date.now())
            .map(String);
        });
        await reg.meld('datum.bevestigd', `datum.${voorstelId}`, [...genodigden(z), ...coordinator(z)], { op });
      },
    },

    verlengen: {
      fasen: ['voorbereiding'],
      controle: ({ duur }) => {
        if (z.voorbereiding.bevestigd) {
          return reden(
            'datum-staat',
            'De datum staat al vast; er loopt geen termijn meer.',
            'The date is confirmed; no deadline is running.',
          );
        }
        let lengte = NaN;
        try {
          lengte = msToNumber(duur as Parameters<typeof msToNumber>[0]);
        } catch {
          // reported below
        }
        if (!(lengte > 0 && lengte <= LANGSTE_VERLENGING_MS)) {
          return reden(
            'ongeldige-duur',
            'Geef de verlenging als duur, zoals "2 weeks", van hoogstens 26 weken.',
            'Give the extension as a duration, such as "2 weeks", of at most 26 weeks.',
          );
        }
        return undefined;
      },
      uitvoeren: ({ duur, redenId, door }) => {
        // The family sets the pace: the target window moves, and reminders not yet due wait for it.
        const herinneringOp = iso(ms(z.voorbereiding.herinneringOp!) + msToNumber(duur as '1 day'));
        const escalatieOp = iso(ms(z.voorbereiding.escalatieOp!) + msToNumber(duur as '1 day'));
        return reg.leg([{ soort: 'verlenging', duur, redenId, herinneringOp, escalatieOp }], door, (n) => {
          n.voorbereiding.herinneringOp = herinneringOp;
          n.voorbereiding.escalatieOp = escalatieOp;
          n.voorbereiding.herinnerd = ms(herinneringOp) <= Date.now() && n.voorbereiding.herinnerd;
          n.voorbereiding.geescaleerd = ms(escalatieOp) <= Date.now() && n.voorbereiding.geescaleerd;
          n.voorbereiding.verlengingen.push({ duur, redenId, op: nu() });
        });
      },
    },

    conferentieStarten: {
      fasen: ['voorbereiding'],
      controle: () => {
        const v = z.voorbereiding;
        if (!v.vraagId) {
          return reden(
            'geen-vraag',
            'Leg eerst de vraag van de hoofdpersoon vast.',
            "Record the main person's question first.",
          );
        }
        if (!v.kringCompleet)
          return reden('kring-open', 'Verklaar eerst de kring compleet.', 'Declare the circle complete first.');
        if (!v.bevestigd) return reden('geen-datum', 'Bevestig eerst de datum.', 'Confirm the date first.');
        return undefined;
      },
      uitvoeren: ({ door }) =>
        reg.leg([{ soort: 'fase', fase: 'conferentie' }, { soort: 'conferentie.gestart' }], door, (n) => {
          n.fase = 'conferentie';
          n.conferentie.deel = 'informatie';
          n.conferentie.begonnenOp = nu();
        }),
    },
  });

  // ---- De conferentie: informatie, besloten tijd, presentatie and toetsing ------------------

  const inDeel = (deel: 'informatie' | 'besloten' | 'presentatie') => (): Reden | undefined =>
    z.conferentie.deel === deel
      ? undefined
      : reden(
          'verkeerd-deel',
          `Dit hoort bij het deel "${deel}"; de conferentie is nu in "${z.conferentie.deel}".`,
          `This belongs to the "${deel}" part; the conference is now in "${z.conferentie.deel}".`,
        );

  async function planAanvaard(planId: string, door?: Door) {
    await reg.leg([{ soort: 'plan.geaccepteerd', planId }], door, (n) => {
      n.conferentie.geaccepteerdOp = nu();
    });
  }

  gebruik({
    bijdrageVastleggen: {
      fasen: ['conferentie'],
      controle: ({ professionalId }) =>
        inDeel('informatie')() ??
        (deelnemer(z, professionalId, 'professional')
          ? undefined
          : reden(
              'geen-professional',
              'Deze persoon is geen professional in deze zaak.',
              'This person is not a professional in this case.',
            )),
      uitvoeren: ({ professionalId, aanwezig, door }) =>
        reg.leg([{ soort: 'bijdrage', professionalId, aanwezig }], door, (n) => {
          n.conferentie.bijdragen = [
            ...n.conferentie.bijdragen.filter((b) => b.professionalId !== professionalId),
            { professionalId, aanwezig },
          ];
        }),
    },

    beslotenTijdStarten: {
      fasen: ['conferentie'],
      controle: inDeel('informatie'),
      // Professionals and coordinator leave; nothing of the deliberation is recorded.
      uitvoeren: ({ door }) =>
        reg.leg([{ soort: 'besloten.gestart', ronde: 1 }], door, (n) => {
          n.conferentie.deel = 'besloten';
          n.conferentie.ronde = 1;
        }),
    },

    planPresenteren: {
      fasen: ['conferentie'],
      controle: ({ planId }) =>
        inDeel('besloten')() ??
        (z.conferentie.plannen.includes(planId)
          ? reden(
              'al-gepresenteerd',
              'Dit plan is al gepresenteerd; een aangepast plan is een nieuwe versie.',
              'This plan was presented already; a changed plan is a new version.',
            )
          : undefined),
      uitvoeren: async ({ planId, door }) => {
        const ronde = z.conferentie.ronde;
        await reg.leg(
          [
            { soort: 'besloten.beeindigd', ronde },
            { soort: 'plan.gepresenteerd', planId, ronde },
          ],
          door,
          (n) => {
            n.conferentie.deel = 'presentatie';
            n.conferentie.plannen.push(planId);
          },
        );
        // Without conditions there is nothing to check: the plan is the family's.
        if (toetsers(z).length === 0) await planAanvaard(planId, door);
      },
    },

    toetsen: {
      fasen: ['conferentie'],
      controle: ({ door, oordelen }) => {
        const deel = inDeel('presentatie')();
        if (deel) return deel;
        const eigen = z.voorwaarden.find((v) => v.professionalId === door.persoonId)?.gepubliceerd;
        if (!eigen) {
          return reden(
            'geen-voorwaarden',
            'U heeft geen voorwaarden gesteld; alleen wie voorwaarden stelde, toetst het plan, en alleen daaraan.',
            'You set no conditions; only who set conditions checks the plan, and only against them.',
          );
        }
        if (
          z.conferentie.oordelen.some((o) => o.ronde === z.conferentie.ronde && o.professionalId === door.persoonId)
        ) {
          return reden(
            'al-getoetst',
            'U heeft dit plan in deze ronde al getoetst.',
            'You checked this plan in this round already.',
          );
        }
        const nummers = (Array.isArray(oordelen) ? oordelen : []).map((o) => o.nummer).sort((a, b) => a - b);
        const verwacht = Array.from({ length: eigen.aantal }, (_, i) => i + 1);
        if (JSON.stringify(nummers) !== JSON.stringify(verwacht)) {
          return reden(
            'oordelen-onvolledig',
            `Geef voor elk van uw ${eigen.aantal} voorwaarden precies één oordeel: voldaan of niet voldaan.`,
            `Give exactly one verdict for each of your ${eigen.aantal} conditions: met or not met.`,
          );
        }
        return undefined;
      },
      uitvoeren: async ({ door, toetsingId, oordelen }) => {
        const { ronde, plannen } = z.conferentie;
        const planId = plannen.at(-1)!;
        await reg.leg(
          [{ soort: 'toetsing', toetsingId, planId, professionalId: door.persoonId, ronde, oordelen }],
          door,
          (n) => {
            n.conferentie.oordelen.push(
              ...oordelen.map((o) => ({ ronde, professionalId: door.persoonId, nummer: o.nummer, voldaan: o.voldaan })),
            );
          },
        );
        const dezeRonde = z.conferentie.oordelen.filter((o) => o.ronde === ronde);
        if (toetsers(z).some((p) => !dezeRonde.some((o) => o.professionalId === p))) return;
        if (dezeRonde.every((o) => o.voldaan)) {
          await planAanvaard(planId, door);
          return;
        }
        // A condition not met: professional and coordinator withdraw again, the circle goes
        // back into besloten tijd on that point, as often as needed.
        await reg.leg([{ soort: 'besloten.gestart', ronde: ronde + 1 }], undefined, (n) => {
          n.conferentie.deel = 'besloten';
          n.conferentie.ronde = ronde + 1;
        });
      },
    },

    afsprakenVastleggen: {
      fasen: ['conferentie'],
      controle: ({ aangewezen, eersteVoortgangsgesprek, evaluatie }) => {
        if (!z.conferentie.geaccepteerdOp) {
          return reden('plan-niet-aanvaard', 'Het plan is nog niet aanvaard.', 'The plan has not been accepted yet.');
        }
        if (
          !Array.isArray(aangewezen) ||
          aangewezen.length === 0 ||
          aangewezen.some((p) => !deelnemer(z, p, 'netwerk'))
        ) {
          return reden(
            'aangewezen',
            'Wijs minstens één persoon uit het netwerk aan die de kring bijeenroept.',
            'Designate at least one person from the network to call the circle together.',
          );
        }
        if (
          !geldigMoment(eersteVoortgangsgesprek) ||
          !geldigMoment(evaluatie) ||
          ms(eersteVoortgangsgesprek) <= Date.now() ||
          ms(evaluatie) < ms(eersteVoortgangsgesprek)
        ) {
          return reden(
            'data',
            'Het eerste voortgangsgesprek ligt in de toekomst, de evaluatie niet eerder dan dat.',
            'The first progress meeting lies in the future, the evaluation no earlier than that.',
          );
        }
        return undefined;
      },
      uitvoeren: ({ aangewezen, eersteVoortgangsgesprek, evaluatie, door }) => {
        const vervolgcontrole = iso(na(Date.now(), termijnen.vervolgcontrole));
        const gesprek = iso(ms(eersteVoortgangsgesprek));
        return reg.leg(
          [
            {
              soort: 'afspraken',
              aangewezen,
              vervolgcontrole,
              voortgangsgesprek: gesprek,
              evaluatie: iso(ms(evaluatie)),
            },
            { soort: 'fase', fase: 'uitvoering' },
          ],
          door,
          (n) => {
            for (const d of n.deelnemers) if (aangewezen.includes(d.persoonId)) d.aangewezen = true;
            n.fase = 'uitvoering';
            n.uitvoering.planId = n.conferentie.plannen.at(-1);
            n.uitvoering.vervolgOp = vervolgcontrole;
            n.uitvoering.gesprekken = [{ op: gesprek, herinnerd: false, gehouden: false }];
            n.uitvoering.evaluatieOp = iso(ms(evaluatie));
          },
        );
      },
    },
  });

  // ---- Uitvoering: follow-up, progress meetings, "het gaat niet goed", evaluation -----------

  gebruik({
    vervolgVastleggen: {
      fasen: ['uitvoering'],
      controle: () =>
        z.uitvoering.vervolgGedaan
          ? reden('al-gedaan', 'De vervolgcontrole is al vastgelegd.', 'The follow-up has been recorded already.')
          : undefined,
      uitvoeren: ({ tekstId, door }) =>
        reg.leg([{ soort: 'vervolg.gedaan', tekstId }], door, (n) => {
          n.uitvoering.vervolgGedaan = true;
        }),
    },

    voortgangsgesprekPlannen: {
      fasen: ['uitvoering'],
      controle: ({ op }) => {
        if (!geldigMoment(op) || ms(op) <= Date.now()) {
          return reden('datum-voorbij', 'Plan het gesprek in de toekomst.', 'Plan the meeting in the future.');
        }
        if (z.uitvoering.gesprekken.some((g) => g.op === iso(ms(op)))) {
          return reden(
            'al-gepland',
            'Op dat moment staat al een gesprek.',
            'A meeting is planned at that moment already.',
          );
        }
        return undefined;
      },
      uitvoeren: ({ op, door }) =>
        reg.leg([{ soort: 'voortgangsgesprek.gepland', op: iso(ms(op)) }], door, (n) => {
          n.uitvoering.gesprekken.push({ op: iso(ms(op)), herinnerd: false, gehouden: false });
        }),
    },

    voortgangsgesprekVastleggen: {
      fasen: ['uitvoering'],
      controle: ({ op }) =>
        geldigMoment(op) && z.uitvoering.gesprekken.some((g) => g.op === iso(ms(op)) && !g.gehouden)
          ? undefined
          : reden(
              'onbekend-gesprek',
              'Er staat geen open gesprek op dat moment.',
              'No open meeting is planned at that moment.',
            ),
      uitvoeren: ({ op, door }) =>
        reg.leg([{ soort: 'voortgangsgesprek.gehouden', op: iso(ms(op)) }], door, (n) => {
          n.uitvoering.gesprekken.find((g) => g.op === iso(ms(op)))!.gehouden = true;
        }),
    },

    // "Het gaat niet goed. Roep het netwerk bij elkaar." The professional does not take over:
    // the designated person is asked to call the circle together.
    nietGoedMelden: {
      fasen: ['uitvoering'],
      controle: ({ tekstId }) =>
        z.uitvoering.signalen.some((s) => s.id === tekstId)
          ? reden('al-gemeld', 'Dit signaal is al gemeld.', 'This signal was given already.')
          : undefined,
      uitvoeren: async ({ tekstId, door }) => {
        const op = nu();
        await reg.leg([{ soort: 'signaal', signaalId: tekstId }], door, (n) => {
          n.uitvoering.signalen.push({
            id: tekstId,
            doorId: door.persoonId,
            op,
            opgepakt: false,
            uiterlijk: iso(na(ms(op), termijnen.reactieOpSignaal)),
            geescaleerd: false,
          });
        });
        await reg.meld('niet-goed', `signaal.${tekstId}`, aangewezenPersonen(z), { signaalId: tekstId });
      },
    },

    signaalOppakken: {
      fasen: ['uitvoering'],
      controle: ({ signaalId }) =>
        z.uitvoering.signalen.some((s) => s.id === signaalId && !s.opgepakt)
          ? undefined
          : reden('geen-open-signaal', 'Er is geen open signaal met deze id.', 'There is no open signal with this id.'),
      uitvoeren: ({ signaalId, door }) =>
        reg.leg([{ soort: 'signaal.opgepakt', signaalId }], door, (n) => {
          n.uitvoering.signalen.find((s) => s.id === signaalId)!.opgepakt = true;
        }),
    },

    bijeenkomstVastleggen: {
      fasen: ['uitvoering'],
      controle: ({ bijeenkomstId, op, aanwezigen, signaalId, herzienPlanId }) => {
        if (!geldigMoment(op) || ms(op) > Date.now() + KLOKSPELING_MS) {
          return reden(
            'ongeldig-moment',
            'Leg een bijeenkomst vast die heeft plaatsgevonden.',
            'Record a meeting that took place.',
          );
        }
        if (z.uitvoering.bijeenkomsten.some((b) => b.id === bijeenkomstId)) {
          return reden('al-vastgelegd', 'Deze bijeenkomst is al vastgelegd.', 'This meeting was recorded already.');
        }
        if (
          !Array.isArray(aanwezigen) ||
          aanwezigen.length === 0 ||
          aanwezigen.some((p) => !deelnemer(z, p) && p !== z.intake.coordinatorId)
        ) {
          return reden(
            'aanwezigen',
            'Noem wie er kwamen: deelnemers van deze zaak.',
            'Name who came: participants of this case.',
          );
        }
        if (signaalId && !z.uitvoering.signalen.some((s) => s.id === signaalId)) {
          return reden('onbekend-signaal', 'Dit signaal bestaat niet.', 'This signal does not exist.');
        }
        if (herzienPlanId && z.conferentie.plannen.includes(herzienPlanId)) {
          return reden('geen-nieuw-plan', 'Een herzien plan is een nieuwe versie.', 'A revised plan is a new version.');
        }
        return undefined;
      },
      uitvoeren: ({ bijeenkomstId, op, aanwezigen, signaalId, herzienPlanId, door }) =>
        reg.leg(
          [{ soort: 'bijeenkomst', bijeenkomstId, op: iso(ms(op)), aanwezigen, signaalId, herzienPlanId }],
          door,
          (n) => {
            n.uitvoering.bijeenkomsten.push({ id: bijeenkomstId, op: iso(ms(op)), aanwezigen, planId: herzienPlanId });
            const signaal = n.uitvoering.signalen.find((s) => s.id === signaalId);
            if (signaal) signaal.opgepakt = true;
            if (herzienPlanId) {
              n.conferentie.plannen.push(herzienPlanId);
              n.uitvoering.planId = herzienPlanId;
            }
          },
        ),
    },

    evaluatieVastleggen: {
      fasen: ['uitvoering'],
      controle: ({ kringAkkoord, nieuweDatum }) => {
        const evaluatieOp = ms(z.uitvoering.evaluatieOp!);
        if (Date.now() < evaluatieOp - EVALUATIE_SPELING_MS) {
          return reden(
            'te-vroeg',
            'De evaluatie is op de afgesproken datum; eerder afsluiten kan de regiomanager, met een reden.',
            'The evaluation is on the agreed date; the regiomanager can close earlier, with a reason.',
          );
        }
        if (!kringAkkoord && !(geldigMoment(nieuweDatum) && ms(nieuweDatum) > Date.now())) {
          return reden(
            'nieuwe-datum',
            'Wil de kring verder, geef dan een nieuwe evaluatiedatum in de toekomst.',
            'If the circle wants to go on, give a new evaluation date in the future.',
          );
        }
        return undefined;
      },
      uitvoeren: ({ kringAkkoord, nieuweDatum, door }) =>
        kringAkkoord
          ? sluit('afgerond', door, undefined, [{ soort: 'evaluatie', kringAkkoord }])
          : reg.leg([{ soort: 'evaluatie', kringAkkoord, nieuweDatum: iso(ms(nieuweDatum!)) }], door, (n) => {
              n.uitvoering.evaluatieOp = iso(ms(nieuweDatum!));
              n.uitvoering.evaluatieGemeld = false;
            }),
    },
  });

  // ---- Ending: agreed, decided, withdrawn or cancelled, always with a reason ------------------

  async function sluit(
    soort: Afsluiting,
    door: Door,
    redenId?: string,
    vooraf: Parameters<Registratie['leg']>[0] = [],
  ) {
    await reg.leg([...vooraf, { soort: 'afgesloten', afsluiting: soort, redenId }], door, (n) => {
      n.fase = 'afgesloten';
      n.afsluiting = { soort, op: nu(), redenId };
    });
    await reg.meld('zaak.afgesloten', 'afgesloten', [...coordinator(z), ...regiomanager(z)], { afsluiting: soort });
  }

  const metReden = ({ redenId }: { redenId?: string }) =>
    redenId ? undefined : reden('reden-nodig', 'Geef een reden.', 'Give a reason.');

  gebruik({
    afsluiten: {
      fasen: ['uitvoering'],
      controle: metReden,
      uitvoeren: ({ redenId, door }) => sluit('afgerond', door, redenId),
    },
    // Participation is voluntary: the family (through coordinator or regiomanager) can stop.
    intrekken: {
      fasen: ACTIEF,
      controle: metReden,
      uitvoeren: ({ redenId, door }) => sluit('ingetrokken', door, redenId),
    },
    annuleren: {
      fasen: ACTIEF,
      controle: metReden,
      uitvoeren: ({ redenId, door }) => sluit('geannuleerd', door, redenId),
    },
  });
}
