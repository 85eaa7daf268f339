// Coordinator matching: a pure function, so every rule is tested directly.
import { rangschik, type Kandidaat, type MatchVraag } from '../workflows/matching';

const vraag: MatchVraag = {
  regio: 'Flevoland',
  wensen: { taal: 'Arabisch', geslacht: 'vrouw', cultureleAchtergrond: 'Marokkaans' },
  personenInZaak: ['hoofdpersoon', 'tante'],
  afgewezenDoor: [],
};

function kandidaat(id: string, anders: Partial<Kandidaat> = {}): Kandidaat {
  return {
    id,
    regios: ['Flevoland'],
    talen: ['Nederlands'],
    geslacht: 'man',
    achtergronden: [],
    beschikbaar: true,
    maxZaken: 4,
    lopendeZaken: 0,
    relaties: [],
    ...anders,
  };
}

test("the main person's wishes rank first: language, then gender and background", () => {
  const { passend } = rangschik(vraag, [
    kandidaat('geen-wens'),
    kandidaat('vrouw', { geslacht: 'vrouw' }),
    kandidaat('arabisch', { talen: ['arabisch', 'Nederlands'] }),
    kandidaat('alles', { talen: ['Arabisch'], geslacht: 'vrouw', achtergronden: ['Marokkaans'] }),
  ]);
  expect(passend.map((m) => m.id)).toEqual(['alles', 'arabisch', 'vrouw', 'geen-wens']);
  expect(passend[0]!.redenen.map((r) => r.code)).toEqual(['taal', 'geslacht', 'achtergrond', 'ruimte']);
  expect(passend[0]!.redenen[0]).toEqual({ code: 'taal', nl: 'spreekt Arabisch', en: 'speaks Arabisch' });
});

test('with equal wishes met, more free room ranks higher', () => {
  const { passend } = rangschik(vraag, [
    kandidaat('druk', { lopendeZaken: 3 }),
    kandidaat('rustig', { lopendeZaken: 1 }),
  ]);
  expect(passend.map((m) => m.id)).toEqual(['rustig', 'druk']);
  expect(passend[1]!.redenen.at(-1)!.nl).toBe('1 van 4 plaatsen vrij');
});

test('excluded, with the reason: not independent, declined, other region, unavailable, full', () => {
  const { passend, uitgesloten } = rangschik({ ...vraag, afgewezenDoor: ['afgewezen'] }, [
    kandidaat('kent-tante', { relaties: ['tante'] }),
    kandidaat('afgewezen'),
    kandidaat('elders', { regios: ['Twente'] }),
    kandidaat('vakantie', { beschikbaar: false }),
    kandidaat('vol', { lopendeZaken: 4 }),
    kandidaat('kan'),
  ]);
  expect(passend.map((m) => m.id)).toEqual(['kan']);
  expect(Object.fromEntries(uitgesloten.map((u) => [u.id, u.reden.code]))).toEqual({
    'kent-tante': 'niet-onafhankelijk',
    afgewezen: 'afgewezen',
    elders: 'andere-regio',
    vakantie: 'niet-beschikbaar',
    vol: 'vol',
  });
  expect(uitgesloten.find((u) => u.id === 'vol')!.reden.nl).toBe('heeft al 4 zaken (maximaal 4)');
});

test('no wishes: room decides; "geen voorkeur" is no wish; ties fall to the id, so the order is stable', () => {
  const zonderWens = { ...vraag, wensen: { geslacht: 'geen voorkeur' } };
  const { passend } = rangschik(zonderWens, [kandidaat('b'), kandidaat('a'), kandidaat('c', { lopendeZaken: 2 })]);
  expect(passend.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  expect(passend[0]!.redenen.map((r) => r.code)).toEqual(['ruimte']);
});
