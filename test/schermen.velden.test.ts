// A posted form becomes the body a command takes: what a coordinator typed is what the
// process gets, and an error lands next to the field she typed it in.
import { amsterdamsMoment, uitFormulier, type Veld } from '../schermen/velden';

const plan: Veld[] = [0, 1, 2].flatMap((i) => [
  { naam: `acties[${i}].wat`, label: 'wat', soort: 'lang' as const },
  { naam: `acties[${i}].wie`, label: 'wie', soort: 'tekst' as const },
]);

test('spare rows are dropped, and an error in a later row is shown at that row', () => {
  const { body, veldVan } = uitFormulier(plan, {
    'acties[0].wat': '',
    'acties[0].wie': '',
    'acties[1].wat': 'De kinderen slapen bij oma',
    'acties[1].wie': '',
    'acties[2].wat': 'Vader gaat naar de verslavingszorg',
    'acties[2].wie': 'Vader',
  });
  expect(body).toEqual({
    acties: [{ wat: 'De kinderen slapen bij oma' }, { wat: 'Vader gaat naar de verslavingszorg', wie: 'Vader' }],
  });
  // The process says acties[0].wie is missing: that is the form's second row.
  expect(veldVan('acties[0].wie')).toBe('acties[1].wie');
  expect(veldVan('acties[1].wat')).toBe('acties[2].wat');
  expect(veldVan('vraag')).toBe('vraag');
});

test('yes and no, numbers, lists of boxes and local times become what the process takes', () => {
  const velden: Veld[] = [
    { naam: 'aanvaard', label: 'a', soort: 'janee' },
    { naam: 'maxZaken', label: 'm', soort: 'getal' },
    { naam: 'aangewezen', label: 'w', soort: 'meer' },
    { naam: 'op', label: 'o', soort: 'moment' },
    { naam: 'notitie', label: 'n', soort: 'lang' },
  ];
  const { body } = uitFormulier(velden, {
    aanvaard: 'false',
    maxZaken: '3',
    aangewezen: 'p1',
    op: '2026-12-10T19:00',
    notitie: '  ',
  });
  expect(body).toEqual({ aanvaard: false, maxZaken: 3, aangewezen: ['p1'], op: '2026-12-10T18:00:00.000Z' });
});

test('a time typed in Amsterdam is that time in Amsterdam, summer and winter', () => {
  expect(amsterdamsMoment('2026-12-10T19:00')).toBe('2026-12-10T18:00:00.000Z');
  expect(amsterdamsMoment('2027-07-01T19:00')).toBe('2027-07-01T17:00:00.000Z');
  expect(amsterdamsMoment('morgen')).toBeUndefined();
});
