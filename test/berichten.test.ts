// Every message in Dutch and English: complete, short enough for one SMS, and saying in an
// SMS only who sends, what is due, when, and how to reach someone.
import { datumVoor, schrijf, TALEN, type Berichtsoort, type Variabelen } from '../activities/berichten';

const LINK = 'https://kring.eigen-kracht.nl/zaken/3f2a91c0-5b7e-4c1a-9d2e-7a8b9c0d1e2f';
// A one-click link as kring makes it: 22 + 1 + 22 characters after /l/.
const KLIK = 'https://kring.eigen-kracht.nl/l/Pyqa8HW-TBqdLnqLnA0eLw.Qm9vbXMtZW4tYm9tZW4tdA';

const COORDINATOR = { naam: 'Annemarie van den Berg', bereik: '+31 6 12345678' };
const CONFERENTIE = {
  datum: 'woensdag 16 december om 19:00',
  kort: 'wo 16 dec, 19:00',
  plaats: 'Buurthuis De Schakel, Lange Nieuwstraat 114, Nieuwegein',
};
const ALLE_LINKS = {
  aanwezigheid: KLIK,
  voorwaarden: KLIK,
  plan: KLIK,
  'niet-goed': KLIK,
  signaal: KLIK,
  tevredenheid: KLIK,
};
const deelnemer = { coordinator: COORDINATOR, familie: 'Sanne', links: ALLE_LINKS };
const PLAN = {
  acties: [
    { wat: 'De kinderen slapen bij oma als het thuis onrustig is', wie: 'Oma Fatima', uiterlijk: '1 maart 2027' },
  ],
  hulpvragen: [{ aan: 'Petra Voogd (Jeugdbescherming)', tekst: 'Begeleid vader naar de verslavingszorg.' }],
  alleenEigenDeel: false,
};

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
  uitnodiging: { ...deelnemer, conferentie: CONFERENTIE },
  'voorwaarden.gedeeld': deelnemer,
  'voorwaarden.gedeeld.coordinator': { zaakRef: '3F2A91C0', link: LINK },
  'datum.bevestigd': { ...deelnemer, conferentie: CONFERENTIE },
  'datum.bevestigd.coordinator': { zaakRef: '3F2A91C0', link: LINK, ...CONFERENTIE },
  'conferentie.herinnering': { ...deelnemer, conferentie: CONFERENTIE },
  'conferentie.herinnering.coordinator': { zaakRef: '3F2A91C0', link: LINK, ...CONFERENTIE },
  'conferentie.vervallen': { ...deelnemer, conferentie: CONFERENTIE, verplaatst: true },
  'conferentie.vervallen.coordinator': { zaakRef: '3F2A91C0', link: LINK, ...CONFERENTIE, verplaatst: false },
  'aanwezigheid.doorgegeven': { zaakRef: '3F2A91C0', link: LINK, wie: 'Fatima El Amrani', komt: false, notitie: true },
  'plan.aanvaard': { ...deelnemer, herzien: true, plan: PLAN },
  'vervolg.herinnering': { zaakRef: '3F2A91C0', link: LINK },
  'vervolg.gepland': deelnemer,
  'voortgangsgesprek.herinnering': { ...deelnemer, datum: 'woensdag 16 december om 19:00' },
  'voortgangsgesprek.herinnering.coordinator': {
    zaakRef: '3F2A91C0',
    link: LINK,
    datum: 'woensdag 16 december om 19:00',
  },
  'evaluatie.herinnering': { zaakRef: '3F2A91C0', link: LINK, datum: 'woensdag 16 december om 19:00' },
  'niet-goed': deelnemer,
  'signaal.gemeld': { zaakRef: '3F2A91C0', link: LINK },
  'signaal.opgepakt': { zaakRef: '3F2A91C0', link: LINK },
  'kring.bijeen': { zaakRef: '3F2A91C0', link: LINK, notitie: true },
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
    'Uitnodiging voor de Eigen Kracht-conferentie voor Sanne',
  );
  expect(schrijf('en', 'uitnodiging', VOORBEELD.uitnodiging).onderwerp).toBe(
    'Invitation to the Eigen Kracht conference for Sanne',
  );
});

const isDeelnemersbericht = (soort: Berichtsoort) => 'familie' in VOORBEELD[soort];

test.each(Object.keys(TALEN))(
  "%s: staff SMS carry a case reference and a link; participants' SMS no name, place or plan",
  (taal) => {
    for (const soort of soorten) {
      const { sms, email } = schrijf(taal, soort, VOORBEELD[soort] as never);
      if (!isDeelnemersbericht(soort)) {
        expect(sms).toContain('3F2A91C0');
        continue;
      }
      for (const geheim of ['Sanne', 'Annemarie', 'Buurthuis', 'Nieuwegein', 'oma', 'verslavingszorg', '+31']) {
        expect(sms).not.toContain(geheim);
      }
      // Email may say more: the family's first name and whom to call.
      expect(email).toContain('Sanne');
      if (soort !== 'niet-goed') expect(email).toContain('+31 6 12345678');
    }
  },
);

test('emails name the date, time and place; the plan reaches the family, a professional only their share', () => {
  expect(schrijf('nl', 'datum.bevestigd', VOORBEELD['datum.bevestigd']).email).toContain(
    'woensdag 16 december om 19:00, Buurthuis De Schakel, Lange Nieuwstraat 114, Nieuwegein',
  );
  const gezin = schrijf('nl', 'plan.aanvaard', VOORBEELD['plan.aanvaard']).email;
  expect(gezin).toContain(
    '1. De kinderen slapen bij oma als het thuis onrustig is (wie: Oma Fatima, uiterlijk 1 maart 2027)',
  );
  expect(gezin).toContain('Petra Voogd (Jeugdbescherming): Begeleid vader naar de verslavingszorg.');
  const professional = schrijf('nl', 'plan.aanvaard', {
    ...VOORBEELD['plan.aanvaard'],
    plan: { acties: [], hulpvragen: PLAN.hulpvragen, alleenEigenDeel: true },
  }).email;
  expect(professional).toContain('Wat de familie van u vraagt:');
  expect(professional).not.toContain('slapen bij oma');
});

test('the emergency numbers come with the call to gather the circle', () => {
  for (const taal of Object.keys(TALEN)) {
    const { email } = schrijf(taal, 'niet-goed', VOORBEELD['niet-goed']);
    expect(email).toContain('112');
    expect(email).toContain('0800-2000');
  }
});

test('dates read as people say them, in Amsterdam time', () => {
  const moment = new Date('2026-12-16T18:00:00Z');
  expect(datumVoor('nl', moment)).toBe('woensdag 16 december om 19:00');
  expect(datumVoor('en', moment)).toBe('Wednesday 16 December at 19:00');
  expect(datumVoor('nl', new Date('2027-06-16T17:00:00Z'))).toBe('woensdag 16 juni om 19:00');
  expect(datumVoor('nl', moment, true)).toBe('wo 16 dec, 19:00');
  expect(datumVoor('en', moment, true)).toBe('Wed 16 Dec, 19:00');
});

// Checked by the compiler (npm run typecheck), never run: a template cannot be rendered
// with a variable missing.
export function zonderVariabele() {
  // @ts-expect-error: 'conferentie' is missing
  return schrijf('nl', 'datum.bevestigd', { coordinator: COORDINATOR, familie: 'Sanne', links: {} });
}
