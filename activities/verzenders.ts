// The ways out: email over SMTP (nodemailer), SMS through Twilio's Messages API, or, with
// neither configured, a local outbox (an .eml file per email, a JSON line per SMS).
// Each says how a failure stands: permanent (retrying cannot help), refused (the provider
// did not take it; try again), or uncertain (it may have taken it).
import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { methodeVan } from './agenda';

export interface Uitgaand {
  /** The outbox row's id: also the email's Message-ID, and how a lost send is found again. */
  id: string;
  aan: string;
  onderwerp: string;
  tekst: string;
  /** An iCalendar invitation or cancellation (email): sent as the text/calendar part. */
  agenda?: string;
  /** A time-bound message: the provider should not deliver it after this moment. */
  geldigTot?: Date;
}

export interface Verzender {
  /** Returns the provider's id for the message. */
  email(bericht: Uitgaand): Promise<string>;
  sms(bericht: Uitgaand): Promise<string>;
  /**
   * After a send that stopped half-way: the provider's id of this SMS if the provider did
   * take it (same number, same text, since `sinds`), undefined if it did not.
   */
  zoekSms(bericht: Uitgaand, sinds: Date): Promise<string | undefined>;
}

/** Retrying cannot help: an invalid number, an opted-out recipient, an unknown mailbox. */
export class PermanenteFout extends Error {
  override name = 'PermanenteFout';
}

/** The provider answered and did not take the message: safe to send again. */
export class Geweigerd extends Error {
  override name = 'Geweigerd';
}

export const messageId = (id: string) => `<${id}@kring.eigen-kracht>`;

/** What nodemailer sends for one message: text, and a calendar part where there is one. */
function mail(van: string, { id, aan, onderwerp, tekst, agenda }: Uitgaand) {
  return {
    from: van,
    to: aan,
    subject: onderwerp,
    text: tekst,
    messageId: messageId(id),
    ...(agenda && {
      icalEvent: { method: methodeVan(agenda), filename: 'uitnodiging.ics', content: agenda },
    }),
  };
}

// ---- Email over SMTP ---------------------------------------------------------------------

const NIET_VERBONDEN = new Set(['ECONNECTION', 'EDNS', 'ECONNREFUSED', 'EAUTH', 'ETLS', 'ENOTFOUND']);
/** Timeouts before a message is sent (nodemailer reports every timeout as ETIMEDOUT). */
const VOOR_HET_BERICHT = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

function smtpFout(err: unknown): Error {
  const e = err as { responseCode?: number; code?: string; timeoutType?: string; message?: string };
  if (e.responseCode && e.responseCode >= 500) return new PermanenteFout(`SMTP ${e.responseCode}: ${e.message}`);
  if (
    e.responseCode ||
    (e.code && NIET_VERBONDEN.has(e.code)) ||
    (e.timeoutType && VOOR_HET_BERICHT.has(e.timeoutType))
  )
    return new Geweigerd(`SMTP: ${e.message}`);
  // No answer after the message went out: the server may have it.
  return err instanceof Error ? err : new Error(String(err));
}

export function smtp(url: string, van: string): Pick<Verzender, 'email'> {
  // Kept connections: a reminder storm does not open one per message. A server that does not
  // answer is given up on (10 s to connect, 10 s to greet, 20 s of silence) rather than waited
  // for until the activity's own timeout.
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async email(bericht) {
      try {
        const info = await transport.sendMail(mail(van, bericht));
        return info.messageId;
      } catch (err) {
        throw smtpFout(err);
      }
    },
  };
}

// ---- SMS through Twilio --------------------------------------------------------------------

/** Twilio error codes that no retry will change. */
const TWILIO_PERMANENT = new Set([
  21211, // invalid 'To' number
  21212, // invalid 'From' number
  21408, // region not enabled
  21610, // recipient answered STOP
  21612, // cannot route to this number
  21614, // not a mobile number
]);

function twilioFout(err: unknown): Error {
  const e = err as { status?: number; code?: number | string; message?: string };
  if (typeof e.code === 'number' && TWILIO_PERMANENT.has(e.code))
    return new PermanenteFout(`Twilio ${e.code}: ${e.message}`);
  if (typeof e.status === 'number') {
    return e.status >= 400 && e.status < 500 && e.status !== 429
      ? new PermanenteFout(`Twilio ${e.status}/${e.code}: ${e.message}`)
      : new Geweigerd(`Twilio ${e.status}: ${e.message}`);
  }
  if (e.code === 'ECONNREFUSED' || e.code === 'ENOTFOUND') return new Geweigerd(`Twilio: ${e.message}`);
  return err instanceof Error ? err : new Error(String(err));
}

/** Seconds Twilio may keep a time-bound SMS in its queue: until its moment, within 1 to 36,000. */
export function geldigheid(tot: Date, nu = Date.now()): number {
  return Math.min(36_000, Math.max(1, Math.floor((tot.getTime() - nu) / 1000)));
}

export interface TwilioInstellingen {
  accountSid: string;
  authToken: string;
  /** A +E.164 number, or a Messaging Service SID (MG…). */
  van: string;
  /** Where Twilio reports delivery: `${PUBLIC_BASE_URL}/twilio/status`. */
  statusCallback: string;
  /** Another base URL for Twilio's REST API (a Twilio-compatible endpoint, or a test's). */
  apiBase?: string;
}

/** Twilio's own HTTP client, with every request sent to another base URL. */
class OmgeleidVerkeer extends twilio.RequestClient {
  constructor(private readonly basis: string) {
    super({ keepAlive: false });
  }

  override request<T>(opties: RequestClient.RequestOptions<T>) {
    const url = new URL(opties.uri);
    return super.request<T>({ ...opties, uri: new URL(url.pathname + url.search, this.basis).toString() });
  }
}

export function twilioSms(instellingen: TwilioInstellingen): Pick<Verzender, 'sms' | 'zoekSms'> {
  const httpClient = instellingen.apiBase ? new OmgeleidVerkeer(instellingen.apiBase) : undefined;
  const client = twilio(instellingen.accountSid, instellingen.authToken, { httpClient });
  const afzender = instellingen.van.startsWith('MG')
    ? { messagingServiceSid: instellingen.van }
    : { from: instellingen.van };
  return {
    async sms({ aan, tekst, geldigTot }) {
      try {
        const bericht = await client.messages.create({
          to: aan,
          body: tekst,
          statusCallback: instellingen.statusCallback,
          ...(geldigTot && { validityPeriod: geldigheid(geldigTot) }),
          ...afzender,
        });
        return bericht.sid;
      } catch (err) {
        throw twilioFout(err);
      }
    },
    async zoekSms({ aan, tekst }, sinds) {
      const berichten = await client.messages.list({ to: aan, dateSentAfter: sinds, limit: 50 });
      return berichten.find((b) => b.body === tekst)?.sid;
    },
  };
}

// ---- The local outbox ----------------------------------------------------------------------

export function lokaleUitbus(map: string, van: string): Verzender {
  const emailMap = path.join(map, 'email');
  const smsBestand = path.join(map, 'sms.jsonl');
  const renderer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const smsRegels = (): Array<{ id: string; aan: string; tekst: string }> =>
    fs.existsSync(smsBestand)
      ? fs
          .readFileSync(smsBestand, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((r) => JSON.parse(r))
      : [];
  return {
    async email(bericht) {
      const info = await renderer.sendMail(mail(van, bericht));
      fs.mkdirSync(emailMap, { recursive: true });
      fs.writeFileSync(path.join(emailMap, `${bericht.id}.eml`), info.message as Buffer);
      return info.messageId;
    },
    async sms({ id, aan, tekst, geldigTot }) {
      fs.mkdirSync(map, { recursive: true });
      const regel = { id, aan, van, tekst, op: new Date().toISOString(), geldigTot: geldigTot?.toISOString() };
      fs.appendFileSync(smsBestand, `${JSON.stringify(regel)}\n`);
      return `lokaal:${id}`;
    },
    async zoekSms({ id }) {
      return smsRegels().some((r) => r.id === id) ? `lokaal:${id}` : undefined;
    },
  };
}

export interface Kanaalinstellingen {
  uitbus: string;
  van: string;
  smtp?: { url: string; from: string };
  twilio?: TwilioInstellingen;
}

/** Real providers where configured; the local outbox for the rest. */
export function verzender(instellingen: Kanaalinstellingen): Verzender {
  const lokaal = lokaleUitbus(instellingen.uitbus, instellingen.smtp?.from ?? instellingen.van);
  return {
    ...lokaal,
    ...(instellingen.smtp && smtp(instellingen.smtp.url, instellingen.smtp.from)),
    ...(instellingen.twilio && twilioSms(instellingen.twilio)),
  };
}
