// A stand-in for Twilio's Messages API on loopback, answering as Twilio does, so the real
// twilio library (pointed here with TWILIO_API_BASE) sends and looks up real requests.
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import twilio from 'twilio';

export const ACCOUNT_SID = `AC${'0a'.repeat(16)}`;
export const AUTH_TOKEN = 'geheim-token-voor-tests';
export const VAN = '+3197010000000';

export interface OntvangenSms {
  sid: string;
  To: string;
  From?: string;
  MessagingServiceSid?: string;
  Body: string;
  StatusCallback?: string;
  /** Seconds Twilio may keep it queued, when the sender set it. */
  ValidityPeriod?: string;
  op: Date;
}

export interface NepTwilio {
  url: string;
  ontvangen: OntvangenSms[];
  /** Numbers Twilio refuses for good (21211, invalid 'To'). */
  ongeldig: Set<string>;
  /** Numbers for which Twilio keeps failing (HTTP 500). */
  storing: Set<string>;
  /** Called when a message has been taken, before the answer goes out; may never resolve. */
  naOntvangst?: (sms: OntvangenSms) => Promise<void> | void;
  opzoekingen: number;
  stop(): Promise<void>;
}

export async function nepTwilio(): Promise<NepTwilio> {
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  const verwachteAuth = `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64')}`;
  const pad = `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`;

  const nep: NepTwilio = {
    url: '',
    ontvangen: [],
    ongeldig: new Set(),
    storing: new Set(),
    opzoekingen: 0,
    stop: async () => undefined,
  };

  const alsTwilio = (sms: OntvangenSms) => ({
    sid: sms.sid,
    account_sid: ACCOUNT_SID,
    to: sms.To,
    from: sms.From ?? null,
    messaging_service_sid: sms.MessagingServiceSid ?? null,
    body: sms.Body,
    status: 'queued',
    direction: 'outbound-api',
    num_segments: '1',
    date_created: sms.op.toUTCString(),
    date_sent: sms.op.toUTCString(),
    date_updated: sms.op.toUTCString(),
    error_code: null,
    error_message: null,
    price: null,
    api_version: '2010-04-01',
    uri: `${pad.replace('.json', '')}/${sms.sid}.json`,
  });

  app.use((req, res, next) => {
    if (req.get('authorization') !== verwachteAuth) {
      res.status(401).json({
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
      return;
    }
    next();
  });

  app.post(pad, async (req, res) => {
    const { To, From, MessagingServiceSid, Body, StatusCallback, ValidityPeriod } = req.body as Record<string, string>;
    if (nep.ongeldig.has(To!)) {
      res.status(400).json({
        code: 21211,
        message: `The 'To' number ${To} is not a valid phone number.`,
        more_info: 'https://www.twilio.com/docs/errors/21211',
        status: 400,
      });
      return;
    }
    if (nep.storing.has(To!)) {
      res.status(500).json({ code: 20500, message: 'Internal Server Error', more_info: '', status: 500 });
      return;
    }
    const sms: OntvangenSms = {
      sid: `SM${crypto.randomBytes(16).toString('hex')}`,
      To: To!,
      From,
      MessagingServiceSid,
      Body: Body!,
      StatusCallback,
      ValidityPeriod,
      op: new Date(),
    };
    nep.ontvangen.push(sms);
    await nep.naOntvangst?.(sms);
    res.status(201).json(alsTwilio(sms));
  });

  app.get(pad, (req, res) => {
    nep.opzoekingen++;
    const { To } = req.query as Record<string, string>;
    const sinds = req.query['DateSent>'] ? new Date(String(req.query['DateSent>'])) : new Date(0);
    // Twilio filters DateSent by day: everything from that date on.
    sinds.setUTCHours(0, 0, 0, 0);
    const gevonden = nep.ontvangen.filter((s) => (!To || s.To === To) && s.op >= sinds);
    res.json({
      messages: gevonden.map(alsTwilio),
      first_page_uri: pad,
      next_page_uri: null,
      previous_page_uri: null,
      page: 0,
      page_size: 50,
      start: 0,
      end: gevonden.length,
      uri: pad,
    });
  });

  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  nep.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  nep.stop = () =>
    new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
  return nep;
}

/** The signature Twilio puts on its request to `url` with these form fields. */
export function twilioHandtekening(url: string, velden: Record<string, string>): string {
  return twilio.getExpectedTwilioSignature(AUTH_TOKEN, url, velden);
}
