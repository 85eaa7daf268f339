// The local outbox (no SMTP or Twilio configured): an .eml file per email, a JSON line per SMS.
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { lokaleUitbus, verzender } from '../activities/verzenders';
import { tempDir } from './support/omgeving';
import { postbus } from './support/smtp';

test('an email becomes an .eml file with its Message-ID; an SMS a JSON line that a lookup finds again', async () => {
  const map = tempDir('uitbus');
  const uitbus = lokaleUitbus(map, 'Eigen Kracht <noreply@kring.test>');
  const id = '0b7e2c1a-5b7e-4c1a-9d2e-7a8b9c0d1e2f';

  const messageId = await uitbus.email({
    id,
    aan: 'tante@example.org',
    onderwerp: 'Uitnodiging',
    tekst: 'U bent uitgenodigd.',
  });
  const mail = await simpleParser(fs.readFileSync(path.join(map, 'email', `${id}.eml`)));
  expect(mail).toMatchObject({ subject: 'Uitnodiging', text: 'U bent uitgenodigd.\n', messageId });
  expect(mail.to).toMatchObject({ text: 'tante@example.org' });

  const sms = { id, aan: '+31612345678', onderwerp: '', tekst: 'Eigen Kracht: u bent uitgenodigd.' };
  expect(await uitbus.zoekSms(sms, new Date(0))).toBeUndefined();
  const sid = await uitbus.sms(sms);
  const regels = fs
    .readFileSync(path.join(map, 'sms.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((r) => JSON.parse(r));
  expect(regels).toEqual([
    expect.objectContaining({ id, aan: '+31612345678', tekst: 'Eigen Kracht: u bent uitgenodigd.' }),
  ]);
  expect(await uitbus.zoekSms(sms, new Date(0))).toBe(sid);
});

test('real providers where configured, the local outbox for the rest', async () => {
  const bus = await postbus();
  try {
    const map = tempDir('uitbus');
    const gemengd = verzender({
      uitbus: map,
      van: 'Eigen Kracht <noreply@kring.test>',
      smtp: { url: bus.url, from: 'Eigen Kracht <noreply@kring.test>' },
    });
    const id = '1c7e2c1a-5b7e-4c1a-9d2e-7a8b9c0d1e2f';
    await gemengd.email({ id, aan: 'oom@example.org', onderwerp: 'Datum', tekst: 'De conferentie is op woensdag.' });
    await gemengd.sms({
      id,
      aan: '+31612345678',
      onderwerp: '',
      tekst: 'Eigen Kracht: de conferentie is op woensdag.',
    });
    expect(bus.aan('oom@example.org').map((m) => m.subject)).toEqual(['Datum']);
    expect(fs.existsSync(path.join(map, 'email', `${id}.eml`))).toBe(false);
    expect(fs.readFileSync(path.join(map, 'sms.jsonl'), 'utf8')).toContain('+31612345678');
  } finally {
    await bus.stop();
  }
});
