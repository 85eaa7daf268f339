// Quiet hours, computed without time-zone data, checked against the time-zone data Node has.
import { amsterdamVerschuiving, smsMoment } from '../workflows/stilte';

const uurInAmsterdam = (t: number) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(t),
  );

test("Amsterdam's offset from UTC matches the time-zone database, every quarter hour from 2026 to 2031", () => {
  const afwijkingen: string[] = [];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2031, 0, 1); t += 15 * 60_000) {
    const lokaal = new Date(t + amsterdamVerschuiving(t)).getUTCHours();
    if (lokaal !== uurInAmsterdam(t)) afwijkingen.push(new Date(t).toISOString());
  }
  expect(afwijkingen).toEqual([]);
});

test.each([
  ['a reminder at 23:00 in winter goes at 08:00 the next morning', '2026-11-24T22:00:00Z', '2026-11-25T07:00:00Z'],
  ['at 02:30 in summer: 08:00 the same morning', '2026-07-01T00:30:00Z', '2026-07-01T06:00:00Z'],
  ['at 07:59: a minute later, at 08:00', '2026-11-25T06:59:00Z', '2026-11-25T07:00:00Z'],
  ['at 08:00 sharp: at once', '2026-11-25T07:00:00Z', '2026-11-25T07:00:00Z'],
  ['at 20:59: at once', '2026-11-25T19:59:00Z', '2026-11-25T19:59:00Z'],
  ['at 21:00: the next morning', '2026-11-25T20:00:00Z', '2026-11-26T07:00:00Z'],
  ['the night the clocks go forward', '2027-03-27T21:30:00Z', '2027-03-28T06:00:00Z'],
  ['the night the clocks go back', '2027-10-30T20:30:00Z', '2027-10-31T07:00:00Z'],
  ['New Year', '2026-12-31T22:30:00Z', '2027-01-01T07:00:00Z'],
])('%s', (_naam, due, verwacht) => {
  expect(new Date(smsMoment(Date.parse(due))).toISOString()).toBe(new Date(verwacht).toISOString());
});

test('whenever it is due, an SMS goes out at a moment outside 21:00–08:00 Amsterdam time, and never early', () => {
  for (let t = Date.UTC(2026, 0, 1, 0, 7); t < Date.UTC(2028, 0, 1); t += 97 * 60_000) {
    const uit = smsMoment(t);
    expect(uit).toBeGreaterThanOrEqual(t);
    const uur = uurInAmsterdam(uit);
    expect(uur >= 8 && uur < 21).toBe(true);
    // The longest wait is from 21:00 to 08:00, an hour longer the night the clocks go back.
    expect(uit - t).toBeLessThanOrEqual(12 * 3_600_000);
  }
});
