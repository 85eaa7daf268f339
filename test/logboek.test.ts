// The logger's own net under the logging code: what could carry a person is censored or left
// out, whatever the code that logs passes it.
import { Writable } from 'node:stream';
import { Geweigerd } from '../zaakproces';
import { foutZonderGegevens, maakLogboek, padZonderSleutels } from '../service/logboek';

function vastgelegd(log: (l: ReturnType<typeof maakLogboek>) => void): Record<string, any> {
  let regel = '';
  const bestemming = new Writable({
    write(chunk, _enc, klaar) {
      regel += chunk.toString();
      klaar();
    },
  });
  log(maakLogboek({ vorm: 'json', niveau: 'info', bestemming }));
  return JSON.parse(regel);
}

test('fields that could name or reach a person are censored up to three levels deep; ids stay', () => {
  const regel = vastgelegd((l) =>
    l.info(
      {
        zaakId: 'z-1',
        naam: 'Samira',
        deelnemer: { persoonId: 'p-1', telefoon: '0612345678', email: 's@example.org' },
        melding: { details: { opmerking: 'Oma is ziek', plaats: 'Almere' } },
      },
      'test',
    ),
  );
  expect(regel).toMatchObject({
    zaakId: 'z-1',
    naam: '[verborgen]',
    deelnemer: { persoonId: 'p-1', telefoon: '[verborgen]', email: '[verborgen]' },
    melding: { details: { opmerking: '[verborgen]', plaats: '[verborgen]' } },
  });
});

test("an error keeps its kind, code and frames; only kring's own errors keep their message", () => {
  const smtp = Object.assign(new Error('550 <jan@example.org>: Recipient address rejected'), { code: 'EENVELOPE' });
  expect(foutZonderGegevens(smtp)).toEqual({
    type: 'Error',
    code: 'EENVELOPE',
    stack: expect.stringMatching(/^\s+at /),
  });
  expect(JSON.stringify(foutZonderGegevens(smtp))).not.toContain('jan@example.org');
  const eigen = new Geweigerd(
    undefined,
    { nl: 'De zaak is afgesloten.', en: 'The case is closed.' },
    'zaak-afgesloten',
  );
  expect(foutZonderGegevens(eigen)).toMatchObject({ type: 'Geweigerd', message: expect.any(String) });
});

test("a link's or sign-in link's key never reaches a logged path, in any spelling; nor a query", () => {
  expect(padZonderSleutels('/l/abc.def?x=1')).toBe('/l/…');
  expect(padZonderSleutels('/L/abc.def')).toBe('/L/…');
  expect(padZonderSleutels('//l//abc.def')).toBe('/l/…');
  expect(padZonderSleutels('/aanmelden/geheim123')).toBe('/aanmelden/…');
  expect(padZonderSleutels('/?zoek=Samira')).toBe('/');
  expect(padZonderSleutels('/cases/123e4567-e89b-12d3-a456-426614174000/kring')).toBe(
    '/cases/123e4567-e89b-12d3-a456-426614174000/kring',
  );
});
