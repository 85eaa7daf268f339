// Counts per region, funding municipality and year, for those who account for the work:
// requests, conferences held, the emergency share, median days from request to conference,
// toetsing rounds, reconvenings, outcomes, and how satisfied the participants were per group
// (family, network, professionals), as the Eigen Kracht Centrale reports it. Counts only: no
// person appears in a report.
import { Router } from 'express';
import type { Prisma, PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { vastleggen, wieVan } from './audit';
import { zaakBereik } from './rechten';
import { toegestaan } from './toegang';
import { valideer } from './validatie';

const DAG_MS = 24 * 60 * 60_000;

export interface Rapportregel {
  regio: string;
  gemeente: string;
  jaar: number;
  aanvragen: number;
  noodsituaties: number;
  /** Share of requests on the emergency path, 0–1. */
  aandeelNoodsituatie: number;
  conferenties: number;
  /** Median whole days from request to the conference's start; null without conferences. */
  mediaanDagenTotConferentie: number | null;
  /** Besloten-tijd rounds per conference, on average (1: the plan was accepted at once). */
  gemiddeldToetsingsrondes: number | null;
  herbijeenkomsten: number;
  afgerond: number;
  ingetrokken: number;
  geannuleerd: number;
  lopend: number;
  /** Answers to "how was the conference?" per group, and their average score (1–5) from 3 answers on. */
  tevredenheidFamilieAantal: number;
  tevredenheidFamilieGemiddeld: number | null;
  tevredenheidNetwerkAantal: number;
  tevredenheidNetwerkGemiddeld: number | null;
  tevredenheidProfessionalsAantal: number;
  tevredenheidProfessionalsGemiddeld: number | null;
}

export type Tevredenheidsgroep = 'familie' | 'netwerk' | 'professionals';

/** The fewest answers in a group for its average to be shown. */
export const MINSTE_ANTWOORDEN = 3;

/** What the report is made of: one row per case, with the moments that count. */
export interface Zaakfeiten {
  regio: string;
  gemeente: string | null;
  noodsituatie: boolean;
  aangevraagdOp: Date;
  afsluiting: 'afgerond' | 'ingetrokken' | 'geannuleerd' | null;
  conferentieOp: Date | null;
  rondes: number;
  herbijeenkomsten: number;
  /** The participants' scores, by the group they took part in. */
  tevredenheid?: Array<{ groep: string; score: number }>;
}

export const ONBEKENDE_GEMEENTE = '(onbekend)';

/** Pure: groups cases by region, municipality and year of request. */
export function rapporteer(zaken: Zaakfeiten[]): Rapportregel[] {
  const groepen = new Map<string, Zaakfeiten[]>();
  for (const zaak of zaken) {
    const sleutel = JSON.stringify([
      zaak.regio,
      zaak.gemeente ?? ONBEKENDE_GEMEENTE,
      zaak.aangevraagdOp.getUTCFullYear(),
    ]);
    groepen.set(sleutel, [...(groepen.get(sleutel) ?? []), zaak]);
  }
  return [...groepen.entries()]
    .map(([sleutel, groep]) => {
      const [regio, gemeente, jaar] = JSON.parse(sleutel) as [string, string, number];
      const gehouden = groep.filter((z) => z.conferentieOp !== null);
      const noodsituaties = groep.filter((z) => z.noodsituatie).length;
      const tel = (soort: Zaakfeiten['afsluiting']) => groep.filter((z) => z.afsluiting === soort).length;
      const scores = (g: Tevredenheidsgroep) =>
        groep.flatMap((z) => (z.tevredenheid ?? []).filter((t) => t.groep === g).map((t) => t.score));
      // Below a few answers an average would say what one person answered: none then.
      const gemiddeld = (x: number[]) =>
        x.length < MINSTE_ANTWOORDEN ? null : afgerond(x.reduce((a, b) => a + b, 0) / x.length);
      const [familie, netwerk, professionals] = (['familie', 'netwerk', 'professionals'] as const).map(scores);
      return {
        regio,
        gemeente,
        jaar,
        aanvragen: groep.length,
        noodsituaties,
        aandeelNoodsituatie: afgerond(noodsituaties / groep.length),
        conferenties: gehouden.length,
        mediaanDagenTotConferentie: mediaan(
          gehouden.map((z) => Math.floor((z.conferentieOp!.getTime() - z.aangevraagdOp.getTime()) / DAG_MS)),
        ),
        gemiddeldToetsingsrondes:
          gehouden.length === 0 ? null : afgerond(gehouden.reduce((som, z) => som + z.rondes, 0) / gehouden.length),
        herbijeenkomsten: groep.reduce((som, z) => som + z.herbijeenkomsten, 0),
        afgerond: tel('afgerond'),
        ingetrokken: tel('ingetrokken'),
        geannuleerd: tel('geannuleerd'),
        lopend: tel(null),
        tevredenheidFamilieAantal: familie!.length,
        tevredenheidFamilieGemiddeld: gemiddeld(familie!),
        tevredenheidNetwerkAantal: netwerk!.length,
        tevredenheidNetwerkGemiddeld: gemiddeld(netwerk!),
        tevredenheidProfessionalsAantal: professionals!.length,
        tevredenheidProfessionalsGemiddeld: gemiddeld(professionals!),
      };
    })
    .sort((a, b) => a.jaar - b.jaar || a.regio.localeCompare(b.regio) || a.gemeente.localeCompare(b.gemeente));
}

function mediaan(waarden: number[]): number | null {
  if (waarden.length === 0) return null;
  const s = [...waarden].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const afgerond = (x: number) => Math.round(x * 100) / 100;

/**
 * CSV for spreadsheets. A cell that starts with =, +, -, @ (or a tab or carriage return) is
 * prefixed with ' so a spreadsheet shows it as text instead of running it as a formula.
 */
export function naarCsv(regels: Rapportregel[]): string {
  const cel = (waarde: unknown) => {
    let tekst = waarde === null ? '' : String(waarde);
    if (/^[=+\-@\t\r]/.test(tekst)) tekst = `'${tekst}`;
    return /[",;\n\r]/.test(tekst) ? `"${tekst.replace(/"/g, '""')}"` : tekst;
  };
  return [KOLOMMEN.join(','), ...regels.map((r) => KOLOMMEN.map((k) => cel(r[k])).join(','))].join('\r\n') + '\r\n';
}

// Every field of a report row, in column order; the type makes a missing one a compile error.
const KOLOMVOLGORDE: Record<keyof Rapportregel, true> = {
  regio: true,
  gemeente: true,
  jaar: true,
  aanvragen: true,
  noodsituaties: true,
  aandeelNoodsituatie: true,
  conferenties: true,
  mediaanDagenTotConferentie: true,
  gemiddeldToetsingsrondes: true,
  herbijeenkomsten: true,
  afgerond: true,
  ingetrokken: true,
  geannuleerd: true,
  lopend: true,
  tevredenheidFamilieAantal: true,
  tevredenheidFamilieGemiddeld: true,
  tevredenheidNetwerkAantal: true,
  tevredenheidNetwerkGemiddeld: true,
  tevredenheidProfessionalsAantal: true,
  tevredenheidProfessionalsGemiddeld: true,
};
const KOLOMMEN = Object.keys(KOLOMVOLGORDE) as Array<keyof Rapportregel>;

export const Rapportvraag = z.strictObject({
  jaar: z.coerce.number().int().min(2000).max(2100).optional(),
  regio: z.string().trim().min(1).max(100).optional(),
  formaat: z.enum(['json', 'csv']).default('json'),
});

/** The report over the cases `waar` selects; an anonymised case counts as it did before. */
export async function rapportageVan(prisma: PrismaClient, waar: Prisma.ZaakWhereInput): Promise<Rapportregel[]> {
  const zaken = await prisma.zaak.findMany({
    where: waar,
    select: {
      regio: true,
      gemeente: true,
      noodsituatie: true,
      aangevraagdOp: true,
      afsluiting: true,
      gebeurtenissen: {
        where: { soort: { in: ['conferentie.gestart', 'besloten.gestart', 'bijeenkomst'] } },
        select: { soort: true, op: true },
      },
      tevredenheden: { select: { groep: true, score: true } },
    },
  });
  return rapporteer(
    zaken.map((z) => ({
      ...z,
      conferentieOp: z.gebeurtenissen.find((e) => e.soort === 'conferentie.gestart')?.op ?? null,
      rondes: z.gebeurtenissen.filter((e) => e.soort === 'besloten.gestart').length,
      herbijeenkomsten: z.gebeurtenissen.filter((e) => e.soort === 'bijeenkomst').length,
      tevredenheid: z.tevredenheden,
    })),
  );
}

export function rapportageRouter({ prisma }: { prisma: PrismaClient }): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const g = toegestaan(req, 'rapportage');
    const vraag = valideer(Rapportvraag, req.query, 'query');
    const regels = await rapportageVan(prisma, {
      AND: [
        zaakBereik(g),
        vraag.regio ? { regio: vraag.regio } : {},
        vraag.jaar
          ? {
              aangevraagdOp: {
                gte: new Date(Date.UTC(vraag.jaar, 0, 1)),
                lt: new Date(Date.UTC(vraag.jaar + 1, 0, 1)),
              },
            }
          : {},
      ],
    });
    await vastleggen(prisma, wieVan(req), 'rapportage.opgevraagd', null, vraag);
    if (vraag.formaat === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`kring-rapportage${vraag.jaar ? `-${vraag.jaar}` : ''}.csv`);
      res.send(naarCsv(regels));
    } else {
      res.json({ regels });
    }
  });
  return router;
}
