// Driving a case through its process in tests, the way the API does: content (texts, forms,
// plans, verdicts) is stored first, then the command refers to it by id.
import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { Worker, type NativeConnection, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { lokaleUitbus, type Verzender } from '../../activities/verzenders';
import { tempDir } from './omgeving';
import { binnen } from './stack';
import { termijnenVoor, type Termijnen } from '../../workflows/termijnen';
import type { zaak as zaakWorkflow } from '../../workflows/zaak';
import {
  opdrachten,
  statusQuery,
  workflowIdVoorZaak,
  type Door,
  type Opdrachtnaam,
  type Opdrachtresultaat,
  type WettelijkeRol,
  type ZaakStatus,
} from '../../workflows/zaak-interface';

/** The argument of command K, as the workflow interface defines it. */
export type ArgOf<K extends Opdrachtnaam> =
  (typeof opdrachten)[K] extends UpdateDefinition<Opdrachtresultaat, [infer A], string> ? A : never;

export interface Wereld {
  regio: string;
  regiomanager: string;
  /** Coordinators by first name: anna (speaks Arabisch, vrouw), bram, carla (other region). */
  coordinatoren: Record<'anna' | 'bram' | 'carla', string>;
}

async function persoon(prisma: PrismaClient, naam: string): Promise<string> {
  return (
    await prisma.persoon.create({ data: { naam, email: `${naam.toLowerCase().replace(/\W/g, '.')}@example.org` } })
  ).id;
}

/** A region of its own per call, so tests running side by side never see each other's coordinators. */
export async function wereld(prisma: PrismaClient): Promise<Wereld> {
  const regio = `Regio ${crypto.randomUUID().slice(0, 8)}`;
  const regiomanager = await persoon(prisma, 'Monique Regiomanager');
  await prisma.regio.create({ data: { naam: regio, regiomanagerId: regiomanager } });
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

  constructor(
    readonly prisma: PrismaClient,
    readonly handle: WorkflowHandle<typeof zaakWorkflow>,
    readonly id: string,
    readonly w: Wereld,
    readonly hoofdpersoonId: string,
    coordinatorId = w.coordinatoren.anna,
  ) {
    this.door = {
      regiomanager: { persoonId: w.regiomanager, rol: 'regiomanager' },
      coordinator: { persoonId: coordinatorId, rol: 'coordinator' },
      professional: (persoonId) => ({ persoonId, rol: 'professional' }),
      aangewezen: (persoonId) => ({ persoonId, rol: 'aangewezen' }),
      hoofdpersoon: { persoonId: hoofdpersoonId, rol: 'hoofdpersoon' },
    };
  }

  /**
   * The Java test server can lose a query that reaches a run just as it continues-as-new
   * (the answer never comes). A query changes nothing, so a bounded retry is safe.
   */
  async status(pogingen = 4): Promise<ZaakStatus> {
    const { connection } = this.handle.client;
    for (let poging = 1; ; poging++) {
      try {
        return await connection.withDeadline(Date.now() + 20_000, () => this.handle.query(statusQuery));
      } catch (err) {
        if (poging >= pogingen || !isDeadline(err)) throw err;
      }
    }
  }

  /** Gives the command, then reads the whole status, as the API does. */
  async opdracht<K extends Opdrachtnaam>(naam: K, arg: ArgOf<K>): Promise<ZaakStatus> {
    const update = opdrachten[naam] as UpdateDefinition<Opdrachtresultaat, [ArgOf<K>], string>;
    const resultaat = await this.handle.executeUpdate(update, { args: [arg] });
    const status = await this.status();
    expect(status.fase).toBe(resultaat.fase);
    return status;
  }

  // ---- content, stored as the API stores it before the command ----

  async tekst(soort: string, inhoud: string): Promise<string> {
    return (await this.prisma.tekst.create({ data: { zaakId: this.id, soort, inhoud } })).id;
  }

  /** A new participant: stored, then added to the case by the coordinator. */
  deelnemer(naam: string, rol: 'netwerk' | 'professional', wettelijkeRol?: WettelijkeRol): Promise<string> {
    return this.deelnemerDoor(this.door.coordinator, naam, rol, wettelijkeRol);
  }

  async deelnemerDoor(door: Door, naam: string, rol: 'netwerk' | 'professional', wettelijkeRol?: WettelijkeRol) {
    const persoonId = await persoon(this.prisma, naam);
    await this.prisma.deelnemer.create({ data: { zaakId: this.id, persoonId, rol, status: 'concept' } });
    await this.opdracht('deelnemerToevoegen', { door, persoonId, rol, wettelijkeRol });
    return persoonId;
  }

  async voorwaarden(professionalId: string, voorwaarden: string[], versie = 1) {
    const formulier = await this.prisma.voorwaardenFormulier.create({
      data: {
        zaakId: this.id,
        professionalId,
        versie,
        zorgen: 'Zorgen over de veiligheid van de kinderen.',
        voorwaarden: { create: voorwaarden.map((tekst, i) => ({ nummer: i + 1, tekst })) },
      },
    });
    const door = this.door.professional(professionalId);
    await this.opdracht('voorwaardenIndienen', { door, formulierId: formulier.id, versie, aantal: voorwaarden.length });
    await this.opdracht('voorwaardenPubliceren', { door, formulierId: formulier.id });
    return formulier.id;
  }

  async plan(versie: number, hulpvragen: Record<string, string> = {}): Promise<string> {
    const plan = await this.prisma.plan.create({
      data: {
        zaakId: this.id,
        versie,
        acties: {
          create: [
            { nummer: 1, wat: 'De kinderen slapen bij oma als het thuis onrustig is', wie: 'Oma', uiterlijk: null },
            { nummer: 2, wat: 'Vader gaat naar de verslavingszorg', wie: 'Vader', uiterlijk: null },
          ],
        },
        hulpvragen: {
          create: Object.entries(hulpvragen).map(([professionalId, tekst]) => ({ professionalId, tekst })),
        },
      },
    });
    return plan.id;
  }

  async toetsen(professionalId: string, oordelen: boolean[]) {
    const status = await this.status();
    const toetsing = await this.prisma.toetsing.create({
      data: {
        zaakId: this.id,
        planId: status.conferentie.plannen.at(-1)!,
        professionalId,
        ronde: status.conferentie.ronde,
        oordelen: {
          create: oordelen.map((voldaan, i) => ({
            nummer: i + 1,
            voldaan,
            reden: voldaan ? 'Geregeld in het plan.' : 'Nog niet veilig.',
          })),
        },
      },
    });
    return this.opdracht('toetsen', {
      door: this.door.professional(professionalId),
      toetsingId: toetsing.id,
      oordelen: oordelen.map((voldaan, i) => ({ nummer: i + 1, voldaan })),
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
  /** Current (possibly skipped) time. */
  nu(): Promise<number>;
}

/** Stores a request as POST /cases does and starts its workflow. */
export async function nieuweZaak(
  p: Proces,
  w: Wereld,
  opties: {
    noodsituatie?: boolean;
    termijnen?: Termijnen;
    doorstartNa?: number;
    wensen?: object;
    /** Start the workflow this long after the request (ms), as the sweep does for a stored request. */
    aangevraagdGeleden?: number;
  } = {},
): Promise<ZaakInTest> {
  const noodsituatie = opties.noodsituatie ?? false;
  const id = crypto.randomUUID();
  const hoofdpersoonId = await persoon(p.prisma, 'Samira El Amrani');
  await p.prisma.zaak.create({
    data: {
      id,
      regio: w.regio,
      noodsituatie,
      workflowId: workflowIdVoorZaak(id),
      wensen: opties.wensen ?? { taal: 'Arabisch', geslacht: 'vrouw' },
      deelnemers: {
        create: [
          { persoonId: hoofdpersoonId, rol: 'hoofdpersoon' },
          { persoonId: hoofdpersoonId, rol: 'aanvrager', relatie: 'hoofdpersoon' },
        ],
      },
    },
  });
  const handle = await p.client.workflow.start<typeof zaakWorkflow>('zaak', {
    taskQueue: p.taskQueue,
    workflowId: workflowIdVoorZaak(id),
    args: [
      {
        zaakId: id,
        noodsituatie,
        aangevraagdOp: new Date((await p.nu()) - (opties.aangevraagdGeleden ?? 0)).toISOString(),
        termijnen: opties.termijnen ?? termijnenVoor(noodsituatie),
        doorstartNa: opties.doorstartNa,
      },
    ],
  });
  const zaak = new ZaakInTest(p.prisma, handle, id, w, hoofdpersoonId);
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
  return Worker.create({ connection, taskQueue, workflowBundle: bundle, activities });
}

/** gRPC's DEADLINE_EXCEEDED, on the error or the cause the SDK wrapped it in. */
function isDeadline(err: unknown): boolean {
  for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === 4) return true;
  }
  return false;
}
