// The process client reads a refusal from a worker of another version: a code it knows is
// written from its own catalogue; otherwise the texts the refusal carries are shown.
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { weigeringVan } from '../zaakproces/client';

const weigering = (details: unknown) =>
  weigeringVan(
    new WorkflowUpdateFailedError(
      'update failed',
      ApplicationFailure.create({ type: 'Afwijzing', message: 'geweigerd', details: [details] }),
    ),
  )!;

test('a refusal with a code and values of this catalogue is written from it', () => {
  const w = weigering({ code: 'verkeerde-fase', waarden: { fasen: ['intake'], fase: 'voorbereiding' } });
  expect(w.code).toBe('verkeerde-fase');
  expect(w.tekst('nl')).toBe('Dit kan alleen in fase intake; de zaak is in fase voorbereiding.');
  expect(w.tekst('en')).toBe('This is only possible in phase intake; the case is in phase voorbereiding.');
});

test('a refusal of an older worker (texts, no values) or with an unknown code shows its own texts', () => {
  const oud = weigering({ code: 'verkeerde-fase', nl: 'Oude tekst.', en: 'Old text.' });
  expect([oud.code, oud.tekst('nl'), oud.tekst('en')]).toEqual(['verkeerde-fase', 'Oude tekst.', 'Old text.']);
  const onbekend = weigering({ code: 'reden-nodig', nl: 'Geef een reden.', en: 'Give a reason.' });
  expect([onbekend.code, onbekend.tekst('nl')]).toEqual(['reden-nodig', 'Geef een reden.']);
});

test('anything else that failed a command is not a refusal', () => {
  expect(weigeringVan(new Error('boom'))).toBeUndefined();
  const anders = new WorkflowUpdateFailedError('update failed', ApplicationFailure.create({ type: 'Anders' }));
  expect(weigeringVan(anders)).toBeUndefined();
});
