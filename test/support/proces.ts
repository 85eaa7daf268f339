// Driving a case through its process in tests, the way the API does: the request is stored
// and started, and content (texts, forms, plans, verdicts) is stored, through the same
// production code (zaakproces/); then the command refers to it by id.
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { Worker, type NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { lokaleUitbus, type Verzender } from '../../activities/verzenders';
import { sporenSinks } from '../../service/sporen';
import { tempDir } from './omgeving';
import { binnen } from './stack';
import { termijnenVoor, type Termijnen } from '../../workflows/termijnen';
import type { zaak as zaakWorkflow } from '../../workflows/zaak';
import {
  workflowIdVoorZaak,
  type Door,
  type OpdrachtArg,
  type Opdrachtnaam,
  type WettelijkeRol,
  type ZaakStatus,
} from '../../workflows/contract';
import {
  aanvraagVastleggen,
  deelnemerBewaren,
  planBewaren,
  ProcesOnbereikbaar,
  tekstBewaren,
  toetsingBewaren,
  voorwaardenBewaren,
  zaakprocesVia,
  ZaakAanvraag,
  type Inhoudcontext,
  type Tekstsoort,
  type Zaakproces,
} from '../../zaakproces';

/** The argument of command K. */
export type ArgOf<K extends Opdrachtnaam> = OpdrachtArg<K>;

export interface Wereld {
  regio: string;
  regiomanager: string;
  /** Coordinators by first name: anna (speaks Arabisch, vrouw), bram, carla (other region). */
  coordinatoren: Record<'anna' | 'bram' | 'carla', string>;
}

/** An address of this test's own: kring knows a person by address, and tests must not share people. */
const emailVan = (naam: string) =>
  `${naam.toLowerCase().replace(/\W/g, '.')}.${crypto.randomUUID().slice(0, 8)}@example.org`;

async function persoon(prisma: PrismaClient, naam: string): Promise<string> {
  return (await prisma.persoon.create({ data: { naam, email: emailVan(naam) } })).id;
}

/** A region of its own per call, so tests running side by side never see each other's coordinators. */
export async function wereld(prisma: PrismaClient): Promise<Wereld> {
  const regio = `Regio ${crypto.randomUUID().slice(0, 8)}`;
  const regiomanager = await persoon(prisma, 'Monique Regiomanager');
  await prisma.regio.create({ data: { naam: regio, regiomanagers: { create: { persoonId: regiomanager } } } });
  const maak = async (
    naam: string,
    profiel: { regios: string[]; talen: string[]; geslacht: string; maxZaken?: number },
  ) => {
    const id = await persoon(prisma, naam);
    await prisma.coordinator.create({ data: { persoonId: id, achtergronden: [], ...profiel } });
    return id;
  };
  return {
    regio,
    regiomanager,
    coordinatoren: {
      anna: await maak('Anna Coördinator', { regios: [regio], talen: ['Nederlands', 'Arabisch'], geslacht: 'vrouw' }),
      bram: await maak('Bram Coördinator', { regios: [regio], talen: ['Nederlands'], geslacht: 'man' }),
      carla: await maak('Carla Coördinator', { regios: ['Elders'], talen: ['Arabisch'], geslacht: 'vrouw' }),
    },
  };
}

export class ZaakInTest {
  readonly door: {
    regiomanager: Door;
    coordinator: Door;
    professional: (id: string) => Door;
    aangewezen: (id: string) => Door;
    hoofdpersoon: Door;
  };
  readonly handle: WorkflowHandle<typeof zaakWorkflow>;

  constructor(
    readonly p: Proces,
    readonly id: string,
    readonly w: Wereld,
    readonly hoofdpersoonId: string,
    coordinatorId = w.coordinatoren.anna,
  ) {
    this.handle = p.client.workflow.getHandle(workflowIdVoorZaak(id));
    this.door = {
      regiomanager: { persoonId: w.regiomanager, rol: 'regiomanager' },
      coordinator: { persoonId: coordinatorId, rol: 'coordinator' },
      professional: (persoonId) => ({ persoonId, rol: 'professional' }),
      aangewezen: (persoonId) => ({ persoonId, rol: 'aangewezen' }),
      hoofdpersoon: { persoonId: hoofdpersoonId, rol: 'hoofdpersoon' },
    };
  }

  get prisma(): PrismaClient {
    return this.p.prisma;
  }

  /**
   * The Java test server can lose a query that reaches a run just as it continues-as-new
   * (the answer never comes). A query changes nothing, so a bounded retry is safe.
   */
  async status(pogingen = 4): Promise<ZaakStatus> {
    for (let poging = 1; ; poging++) {
      try {
        const status = await this.p.proces.status(this.id);
        if (!status) throw new Error(`case ${this.id} has no process`);
        return status;
      } catch (err) {
        if (poging >= pogingen || !(err instanceof ProcesOnbereikbaar)) throw err;
      }
    }
  }

  /** Gives the command through the process client, then reads the whole status, as the API does. */
  async opdracht<K extends Opdrachtnaam>(naam: K, arg: ArgOf<K>): Promise<ZaakStatus> {
    const resultaat = await this.p.proces.opdracht(this.id, naam, arg);
    const status = await this.status();
    expect(status.fase).toBe(resultaat.fase);
    return status;
  }

  // ---- content, stored as the API stores it before the command ----

  inhoud(door: Door = this.door.coordinator): Inhoudcontext {
    return { prisma: this.prisma, zaakId: this.id, door };
  }

  tekst(soort: Tekstsoort, inhoud: string): Promise<string> {
    return tekstBewaren(this.inhoud(), soort, inhoud);
  }

  /** A new participant: stored, then added to the case by the coordinator. */
  deelnemer(naam: string, rol: 'netwerk' | 'professional', wettelijkeRol?: WettelijkeRol): Promise<string> {
    return this.deelnemerDoor(this.door.coordinator, naam, rol, wettelijkeRol);
  }

  async deelnemerDoor(door: Door, naam: string, rol: 'netwerk' | 'professional', wettelijkeRol?: WettelijkeRol) {
    const persoonId = await deelnemerBewaren(this.inhoud(door), {
      persoon: { naam, email: emailVan(naam), taal: 'nl' },
      rol,
    });
    await this.opdracht('deelnemerToevoegen', { door, persoonId, rol, wettelijkeRol });
    return persoonId;
  }

  /** A professional's conditions, handed in and published. */
  async voorwaarden(professionalId: string, voorwaarden: string[]) {
    const door = this.door.professional(professionalId);
    const formulier = await voorwaardenBewaren(this.inhoud(door), {
      zorgen: 'Zorgen over de veiligheid van de kinderen.',
      voorwaarden,
    });
    await this.opdracht('voorwaardenIndienen', { door, ...formulier });
    await this.opdracht('voorwaardenPubliceren', { door, formulierId: formulier.formulierId });
    return formulier.formulierId;
  }

  /** The next version of the family's plan. */
  plan(hulpvragen: Record<string, string> = {}): Promise<string> {
    return planBewaren(this.inhoud(), {
      acties: [
        { wat: 'De kinderen slapen bij oma als het thuis onrustig is', wie: 'Oma' },
        { wat: 'Vader gaat naar de verslavingszorg', wie: 'Vader' },
      ],
      hulpvragen: Object.entries(hulpvragen).map(([professionalId, tekst]) => ({ professionalId, tekst })),
    });
  }

  async toetsen(professionalId: string, oordelen: boolean[]) {
    const door = this.door.professional(professionalId);
    const gegeven = oordelen.map((voldaan, i) => ({
      nummer: i + 1,
      voldaan,
      reden: voldaan ? 'Geregeld in het plan.' : 'Nog niet veilig.',
    }));
    return this.opdracht('toetsen', {
      door,
      toetsingId: await toetsingBewaren(this.inhoud(door), gegeven),
      oordelen: gegeven.map(({ nummer, voldaan }) => ({ nummer, voldaan })),
    });
  }

  /** The case timeline's kinds of events, in order. */
  async tijdlijn(): Promise<string[]> {
    const rijen = await this.prisma.gebeurtenis.findMany({ where: { zaakId: this.id }, orderBy: { id: 'asc' } });
    return rijen.map((r) => r.soort);
  }

  /** Messages decided so far: "soort → role" per recipient. */
  async meldingen(soort?: string): Promise<string[]> {
    const rijen = await this.prisma.melding.findMany({
      where: { zaakId: this.id, ...(soort && { soort }) },
      orderBy: { aangemaaktOp: 'asc' },
    });
    return rijen.map((r) => `${r.soort} → ${r.rol}`);
  }
}

export interface Proces {
  client: Client;
  taskQueue: string;
  prisma: PrismaClient;
  /** The process client, as the API has it. */
  proces: Zaakproces;
  /** Current (possibly skipped) time. */
  nu(): Promise<number>;
}

/** The process client for tests: generous waits, since the test server may be busy. */
export function testproces(client: Client, taskQueue: string): Zaakproces {
  return zaakprocesVia(client, { taskQueue, termijnenVoor, statusWachttijdMs: 20_000, opdrachtWachttijdMs: 60_000 });
}

/** Stores a request as POST /cases does and starts its workflow. */
export async function nieuweZaak(
  p: Proces,
  w: Wereld,
  opties: {
    noodsituatie?: boolean;
    termijnen?: Termijnen;
    doorstartNa?: number;
    wensen?: ZaakAanvraag['wensen'];
    /** Start the workflow this long after the request (ms), as the sweep does for a stored request. */
    aangevraagdGeleden?: number;
  } = {},
): Promise<ZaakInTest> {
  const aanvraag = ZaakAanvraag.parse({
    aanvrager: { relatie: 'hoofdpersoon' },
    hoofdpersoon: { naam: 'Samira El Amrani', email: emailVan('Samira El Amrani') },
    regio: w.regio,
    noodsituatie: opties.noodsituatie ?? false,
    wensen: opties.wensen ?? { taal: 'Arabisch', geslacht: 'vrouw' },
  });
  const opgeslagen = await aanvraagVastleggen(p.prisma, aanvraag, {
    aangevraagdOp: new Date((await p.nu()) - (opties.aangevraagdGeleden ?? 0)),
  });
  await p.proces.start(opgeslagen, { termijnen: opties.termijnen, doorstartNa: opties.doorstartNa });
  const hoofdpersoonId = opgeslagen.deelnemers.find((d) => d.rol === 'hoofdpersoon')!.persoonId;
  const zaak = new ZaakInTest(p, opgeslagen.id, w, hoofdpersoonId);
  // The workflow takes the request in first (regiomanager, candidates).
  await binnen(30_000, async () => ((await zaak.status()).fase === 'aanvraag' ? undefined : true));
  return zaak;
}

/** A worker whose messages go to `bezorger`: by default the local outbox in a fresh folder. */
export function maakWorker(
  connection: NativeConnection,
  taskQueue: string,
  bundle: WorkflowBundle,
  prisma: PrismaClient,
  bezorger: Verzender = lokaleUitbus(tempDir('uitbus'), 'Eigen Kracht <test@kring.test>'),
) {
  const activities = createActivities({ prisma, verzender: bezorger, publicBaseUrl: 'http://kring.test' });
  // The workflow code's spans leave through this sink; without tracing it drops them.
  return Worker.create({ connection, taskQueue, workflowBundle: bundle, activities, sinks: sporenSinks() });
}
