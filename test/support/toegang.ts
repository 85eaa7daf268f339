// Accounts for tests, made the way an administrator makes them: through the users CLI's core.
import crypto from 'node:crypto';
import type { Gebruikersrol, PrismaClient } from '@prisma/client';
import { users } from '../../launcher/gebruikers';
import { aanmeldlinkMaken, aanmelden, COOKIE } from '../../schermen/sessies';
import { ProcesOnbereikbaar, type Zaakproces } from '../../zaakproces';
import type { Wereld } from './proces';
import { binnen, liveZaak, vraag } from './stack';
import { geldigeAanvraag } from './zaken';

/** A process with no case anywhere: reads show the stored record; nothing in such a test gives commands. */
export const geenProces: Zaakproces = {
  // A request is stored and waits, as when Temporal is away.
  start: async () => {
    throw new ProcesOnbereikbaar(5);
  },
  opdracht: async () => {
    throw new Error('geen proces in deze test');
  },
  status: async () => undefined,
  nietBezorgd: async () => undefined,
  regiomanagersGewijzigd: async () => undefined,
  bereikbaar: async () => true,
};

/** A staff account with a token and a signed-in session, as an administrator and the sign-in link make them. */
export async function medewerker(prisma: PrismaClient, rol: Gebruikersrol, persoonId?: string) {
  const naam = `${rol}-${crypto.randomUUID()}@kring.test`;
  await users(prisma, ['add', naam, rol, ...(persoonId ? ['--persoon', persoonId] : [])]);
  const token = (await users(prisma, ['token', naam])).split('\n')[0]!;
  const { id } = await prisma.gebruiker.findUniqueOrThrow({ where: { naam } });
  const sessie = await aanmelden(prisma, await aanmeldlinkMaken(prisma, id));
  return { naam, id, token, cookie: `${COOKIE}=${sessie!.sessieToken}` };
}

/** A new account with this role (acting as `persoonId` in cases), and a fresh token for it. */
export async function tokenVoor(prisma: PrismaClient, rol: Gebruikersrol, persoonId?: string): Promise<string> {
  const naam = `${rol}-${crypto.randomUUID()}@kring.test`;
  await users(prisma, ['add', naam, rol, ...(persoonId ? ['--persoon', persoonId] : [])]);
  return (await users(prisma, ['token', naam])).split('\n')[0]!;
}

/** A command over HTTP that must succeed; its answer. */
export async function opdrachtViaApi(api: string, zaakId: string, pad: string, body: unknown, token: string) {
  const { status, body: antwoord } = await vraag(`${api}/cases/${zaakId}/${pad}`, { body, token });
  if (status !== 200) throw new Error(`${pad}: ${status} ${JSON.stringify(antwoord)}`);
  return antwoord;
}

/**
 * A case taken into preparation through the API, as its people would: operations enters the
 * request, the regiomanager picks Anna, she accepts and records contact.
 */
export async function zaakInVoorbereiding(
  api: string,
  w: Wereld,
  tokens: { operations: string; regiomanager: string; coordinator: string },
  aanvraag: Record<string, unknown> = {},
): Promise<string> {
  const { status, body } = await vraag(`${api}/cases`, {
    body: geldigeAanvraag({ regio: w.regio, ...aanvraag }),
    token: tokens.operations,
  });
  if (status !== 201) throw new Error(`POST /cases: ${status} ${JSON.stringify(body)}`);
  const zaakId: string = body.id;
  await liveZaak(api, zaakId, tokens.operations);
  await opdrachtViaApi(api, zaakId, 'coordinator-kiezen', { coordinatorId: w.coordinatoren.anna }, tokens.regiomanager);
  // The offer reaches Anna: she may answer it before the case is hers.
  await binnen(30_000, async () => {
    const a = await vraag(`${api}/cases/${zaakId}/opdracht-beantwoorden`, {
      body: { aanvaard: true },
      token: tokens.coordinator,
    });
    if (a.status === 404) return undefined;
    if (a.status !== 200) throw new Error(`answering the offer: ${a.status} ${JSON.stringify(a.body)}`);
    return a;
  });
  const { fase } = await opdrachtViaApi(api, zaakId, 'contact-vastleggen', {}, tokens.coordinator);
  if (fase !== 'voorbereiding') throw new Error(`after contact the case is in ${fase}`);
  return zaakId;
}

/**
 * From voorbereiding to the presentation of the plan, through the API: the coordinator records
 * the question, adds a professional with a legal role and an aunt, invites them; the
 * professional sets one condition and publishes it; the date is confirmed, the circle
 * complete, the conference runs and the family presents its plan.
 */
export async function totPresentatieViaApi(
  api: string,
  zaakId: string,
  coordinator: string,
  /** A token for the professional, once kring has made her person. */
  professionalToken: (persoonId: string) => Promise<string>,
): Promise<{ professional: string; professionalToken: string }> {
  const doe = (pad: string, body: unknown, token = coordinator) => opdrachtViaApi(api, zaakId, pad, body, token);
  await doe('vraag-vastleggen', { vraag: 'Wat is er voor nodig dat de kinderen veilig kunnen opgroeien?' });
  const { persoonId: professional } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'Petra Voogd', email: 'petra.voogd@example.org' },
    rol: 'professional',
    wettelijkeRol: 'jeugdbescherming',
  });
  const { persoonId: tante } = await doe('deelnemer-toevoegen', {
    persoon: { naam: 'Tante Fatima', email: 'fatima@example.org' },
    rol: 'netwerk',
  });
  for (const persoonId of [professional, tante]) {
    await doe('deelnemer-bijwerken', { persoonId, uitnodiging: 'uitgenodigd', bezoek: 'bezocht' });
  }
  const token = await professionalToken(professional);
  const { formulierId } = await doe(
    'voorwaarden-indienen',
    { zorgen: 'Geweld in huis.', voorwaarden: ['De kinderen wonen waar geen geweld is.'] },
    token,
  );
  await doe('voorwaarden-publiceren', { formulierId }, token);
  const { voorstelId } = await doe('datum-voorstellen', {
    op: new Date(Date.now() + 7 * 24 * 3_600_000).toISOString(),
  });
  await doe('datum-bevestigen', { voorstelId });
  await doe('kring-compleet', { compleet: true });
  await doe('conferentie-starten', {});
  await doe('besloten-tijd-starten', {});
  await doe('plan-presenteren', {
    acties: [{ wat: 'De kinderen slapen bij oma als het thuis onrustig is', wie: 'Oma' }],
    hulpvragen: [{ professionalId: professional, tekst: 'Begeleid vader naar de verslavingszorg.' }],
  });
  return { professional, professionalToken: token };
}

/** The staff of a region's case: operations, its regiomanager, and Anna as coordinator. */
export async function stafTokens(prisma: PrismaClient, w: Wereld) {
  return {
    operations: await tokenVoor(prisma, 'operations'),
    regiomanager: await tokenVoor(prisma, 'regiomanager', w.regiomanager),
    coordinator: await tokenVoor(prisma, 'coordinator', w.coordinatoren.anna),
  };
}
