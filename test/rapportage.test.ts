// The report's arithmetic and its CSV, on hand-made cases.
import { naarCsv, rapporteer, type Zaakfeiten } from '../api/rapportage';

const dag = (d: string) => new Date(`${d}T10:00:00Z`);

function zaak(over: Partial<Zaakfeiten>): Zaakfeiten {
  return {
    regio: 'Flevoland',
    gemeente: 'Almere',
    noodsituatie: false,
    aangevraagdOp: dag('2026-01-05'),
    afsluiting: null,
    conferentieOp: null,
    rondes: 0,
    herbijeenkomsten: 0,
    ...over,
  };
}

test('counts per region, municipality and year, with the median days to the conference', () => {
  const regels = rapporteer([
    zaak({
      conferentieOp: dag('2026-02-16'),
      rondes: 1,
      afsluiting: 'afgerond',
      tevredenheid: [
        { groep: 'familie', score: 5 },
        { groep: 'familie', score: 3 },
        { groep: 'netwerk', score: 4 },
        { groep: 'professionals', score: 3 },
      ],
    }), // 42 days
    zaak({
      conferentieOp: dag('2026-01-10'),
      rondes: 3,
      noodsituatie: true,
      herbijeenkomsten: 2,
      tevredenheid: [
        { groep: 'familie', score: 4 },
        { groep: 'netwerk', score: 2 },
      ],
    }), // 5 days
    zaak({ conferentieOp: dag('2026-03-02'), rondes: 2 }), // 56 days
    zaak({ afsluiting: 'ingetrokken' }),
    zaak({ gemeente: 'Lelystad', afsluiting: 'geannuleerd' }),
    zaak({ gemeente: null, aangevraagdOp: dag('2025-12-30') }),
  ]);
  expect(regels).toEqual([
    expect.objectContaining({
      jaar: 2025,
      gemeente: '(onbekend)',
      aanvragen: 1,
      conferenties: 0,
      mediaanDagenTotConferentie: null,
      tevredenheidFamilieAantal: 0,
      tevredenheidFamilieGemiddeld: null,
    }),
    {
      regio: 'Flevoland',
      gemeente: 'Almere',
      jaar: 2026,
      aanvragen: 4,
      noodsituaties: 1,
      aandeelNoodsituatie: 0.25,
      conferenties: 3,
      mediaanDagenTotConferentie: 42,
      gemiddeldToetsingsrondes: 2,
      herbijeenkomsten: 2,
      afgerond: 1,
      ingetrokken: 1,
      geannuleerd: 0,
      lopend: 2,
      // Satisfaction per group; an average only from three answers on, so no one's score shows.
      tevredenheidFamilieAantal: 3,
      tevredenheidFamilieGemiddeld: 4,
      tevredenheidNetwerkAantal: 2,
      tevredenheidNetwerkGemiddeld: null,
      tevredenheidProfessionalsAantal: 1,
      tevredenheidProfessionalsGemiddeld: null,
    },
    expect.objectContaining({ jaar: 2026, gemeente: 'Lelystad', aanvragen: 1, geannuleerd: 1 }),
  ]);
});

test('an even number of conferences: the median is the middle two averaged', () => {
  const [regel] = rapporteer([
    zaak({ conferentieOp: dag('2026-01-15') }), // 10
    zaak({ conferentieOp: dag('2026-01-25') }), // 20
  ]);
  expect(regel!.mediaanDagenTotConferentie).toBe(15);
});

test('CSV: a header, one line per row, and no cell a spreadsheet would run as a formula', () => {
  const csv = naarCsv(
    rapporteer([
      zaak({ regio: '=HYPERLINK("http://kwaad.example","klik")' }),
      zaak({ regio: '+31 Noord', gemeente: '@gemeente' }),
      zaak({ regio: '-1', gemeente: 'Den Haag, Centrum' }),
    ]),
  );
  const regels = csv.trimEnd().split('\r\n');
  expect(regels[0]).toBe(
    'regio,gemeente,jaar,aanvragen,noodsituaties,aandeelNoodsituatie,conferenties,mediaanDagenTotConferentie,gemiddeldToetsingsrondes,herbijeenkomsten,afgerond,ingetrokken,geannuleerd,lopend,' +
      'tevredenheidFamilieAantal,tevredenheidFamilieGemiddeld,tevredenheidNetwerkAantal,tevredenheidNetwerkGemiddeld,' +
      'tevredenheidProfessionalsAantal,tevredenheidProfessionalsGemiddeld',
  );
  expect(regels).toHaveLength(4);
  expect(csv).toContain(`"'=HYPERLINK(""http://kwaad.example"",""klik"")"`);
  expect(csv).toContain(`'+31 Noord,'@gemeente,2026`);
  expect(csv).toContain(`'-1,"Den Haag, Centrum",2026`);
  for (const regel of regels.slice(1)) expect(regel).not.toMatch(/^[=+\-@]/);
});
