// Every message in Dutch and English: complete, short enough for one SMS, and saying in an
// SMS only who sends, what is due, when, and how to reach someone.
import { datumVoor, schrijf, TALEN, type Berichtsoort, type Variabelen } from '../activities/berichten';

const LINK = 'https://kring.eigen-kracht.nl/cases/3f2a91c0-5b7e-4c1a-9d2e-7a8b9c0d1e2f';

// Realistic values, on the long side.
const VOORBEELD: { [S in Berichtsoort]: Variabelen[S] } = {
  'aanvraag.ontvangen': { zaakRef: '3F2A91C0', link: LINK, regio: 'Flevoland', nood: true },
  'aanvraag.zonder-regiomanager': { zaakRef: '3F2A91C0', link: LINK, regio: 'Noordoostpolder-Urk' },
  'coordinator.aanbod': { zaakRef: '3F2A91C0', link: LINK, regio: 'Flevoland', nood: true },
  'coordinator.aanvaard': { zaakRef: '3F2A91C0', link: LINK, coordinator: 'Annemarie van den Berg' },
  'coordinator.geen-kandidaten': { zaakRef: '3F2A91C0', link: LINK },
  'escalatie.contact': { zaakRef: '3F2A91C0', link: LINK, keer: 2 },
  'datum.herinnering': { zaakRef: '3F2A91C0', link: LINK },
  'escalatie.datum': { zaakRef: '3F2A91C0', link: LINK },
  uitnodiging: { contact: '+31 6 12345678', coordinator: 'Annemarie van den Berg' },
  'voorwaarden.gedeeld': { contact: '+31 6 12345678' },
  'datum.bevestigd': { contact: '+31 6 12345678', datum: 'woensdag 16 december om 19:00' },
  'conferentie.herinnering': { contact: '+31 6 12345678', datum: 'woensdag 16 december om 19:00' },
  'vervolg.herinnering': { zaakRef: '3F2A91C0', link: LINK },
  'vervolg.gepland': { contact: '+31 6 12345678', coordinator: 'Annemarie van den Berg' },
  'voortgangsgesprek.herinnering': { contact: '+31 6 12345678', datum: 'woensdag 16 december om 19:00' },
  'evaluatie.herinnering': { zaakRef: '3F2A91C0', link: LINK, datum: 'woensdag 16 december om 19:00' },
  'niet-goed': { contact: '+31 6 12345678', coordinator: 'Annemarie van den Berg' },
  'signaal.gemeld': { zaakRef: '3F2A91C0', link: LINK },
  'signaal.geen-reactie': { zaakRef: '3F2A91C0', link: LINK },
  'datum.voorgesteld': { zaakRef: '3F2A91C0', link: LINK, datum: 'woensdag 16 december om 19:00' },
  'plan.herzien': { zaakRef: '3F2A91C0', link: LINK },
  'herziening.afgewezen': { zaakRef: '3F2A91C0', link: LINK },
  'herziening.geen-toetsing': { zaakRef: '3F2A91C0', link: LINK },
  'zaak.afgesloten': { zaakRef: '3F2A91C0', link: LINK, afsluiting: 'ingetrokken' },
  'bericht.mislukt': { zaakRef: '3F2A91C0', link: LINK, over: 'conferentie.herinnering', kanaal: 'sms' },
};

// The GSM 03.38 alphabet: an SMS outside it is sent as UCS-2 and splits after 70 characters.
const GSM = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

const soorten = Object.keys(VOORBEELD) as Berichtsoort[];
const gevallen = Object.keys(TALEN).flatMap((taal) => soorten.map((soort) => [taal, soort] as const));

test.each(gevallen)('%s: %s is complete, and its SMS fits one message', (taal, soort) => {
  const bericht = schrijf(taal, soort, VOORBEELD[soort] as never);
  for (const tekst of [bericht.onderwerp, bericht.email, bericht.sms]) {
    expect(tekst.trim().length).toBeGreaterThan(10);
    expect(tekst).not.toMatch(/undefined|null|NaN|\[object|\$\{/);
  }
  expect(bericht.sms.startsWith('Eigen Kracht: ')).toBe(true);
  expect(bericht.sms.length).toBeLessThanOrEqual(160);
  expect(bericht.sms).toMatch(GSM);
});

test('Dutch is the first language: an unknown language gets Dutch', () => {
  expect(schrijf('tr', 'uitnodiging', VOORBEELD.uitnodiging)).toEqual(
    schrijf('nl', 'uitnodiging', VOORBEELD.uitnodiging),
  );
  expect(schrijf('nl', 'uitnodiging', VOORBEELD.uitnodiging).onderwerp).toBe(
    'Uitnodiging voor een Eigen Kracht-conferentie',
  );
  expect(schrijf('en', 'uitnodiging', VOORBEELD.uitnodiging).onderwerp).toBe(
    'Invitation to an Eigen Kracht conference',
  );
});

test("staff SMS carry a case reference and a link, participants' SMS a way to reach someone, no case details", () => {
  for (const soort of soorten) {
    const sms = schrijf('nl', soort, VOORBEELD[soort] as never).sms;
    if ('zaakRef' in VOORBEELD[soort]) expect(sms).toContain('3F2A91C0');
    else expect(sms).toContain('+31 6 12345678');
    expect(sms).not.toContain('plan:'); // the plan never travels in a message
  }
});

test('dates read as people say them, in Amsterdam time', () => {
  const moment = new Date('2026-12-16T18:00:00Z');
  expect(datumVoor('nl', moment)).toBe('woensdag 16 december om 19:00');
  expect(datumVoor('en', moment)).toBe('Wednesday 16 December at 19:00');
  expect(datumVoor('nl', new Date('2027-06-16T17:00:00Z'))).toBe('woensdag 16 juni om 19:00');
});

// Checked by the compiler (npm run typecheck), never run: a template cannot be rendered
// with a variable missing.
export function zonderVariabele() {
  // @ts-expect-error: 'datum' is missing
  return schrijf('nl', 'datum.bevestigd', { contact: '+31 6 12345678' });
}
