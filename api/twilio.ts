// Twilio calls us: delivery reports for the SMS we sent, and SMS people send back (STOP/START).
// Every request must carry a valid X-Twilio-Signature for the public URL Twilio was given.
import express, { Router, type RequestHandler } from 'express';
import type { PrismaClient, Berichtstatus } from '@prisma/client';
import twilio from 'twilio';
import type { Berichtsoort } from '../activities/berichten/soorten';
import { Probleem } from './problem';
import type { Zaakproces } from '../zaakproces';

export interface TwilioDeps {
  prisma: PrismaClient;
  proces: Zaakproces;
  authToken: string;
  publicBaseUrl: string;
}

// Twilio's statuses, as far as they move ours. Later reports never undo "delivered".
const STATUS: Record<string, Berichtstatus> = {
  sent: 'verstuurd',
  delivered: 'afgeleverd',
  undelivered: 'niet_afgeleverd',
  failed: 'mislukt',
};
const EINDSTATUS = new Set<Berichtstatus>(['afgeleverd', 'niet_afgeleverd', 'mislukt']);

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'STOPPEN', 'AFMELDEN']);
const START = new Set(['START', 'YES', 'UNSTOP', 'AANMELDEN']);

function twiml(tekst: string): string {
  const veilig = tekst.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c]!);
  return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>${veilig}</Message></Response>`;
}

export function twilioRouter({ prisma, proces, authToken, publicBaseUrl }: TwilioDeps): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '20kb' }));

  const ondertekend: RequestHandler = (req, _res, next) => {
    const url = `${publicBaseUrl}${req.originalUrl}`;
    if (!twilio.validateRequest(authToken, req.get('X-Twilio-Signature') ?? '', url, req.body ?? {})) {
      throw new Probleem('verboden', {
        nl: 'Dit verzoek is niet door Twilio ondertekend.',
        en: 'This request is not signed by Twilio.',
      });
    }
    next();
  };

  router.post('/status', ondertekend, async (req, res) => {
    const { MessageSid, MessageStatus, ErrorCode } = req.body as Record<string, string | undefined>;
    const nieuw = MessageStatus ? STATUS[MessageStatus] : undefined;
    const bericht = MessageSid
      ? await prisma.bericht.findUnique({ where: { providerId: MessageSid }, include: { melding: true } })
      : null;
    if (bericht && nieuw && !EINDSTATUS.has(bericht.status)) {
      await prisma.bericht.update({
        where: { id: bericht.id },
        data: { status: nieuw, ...(ErrorCode && { fout: `Twilio ${ErrorCode}` }) },
      });
      if (nieuw === 'mislukt' || nieuw === 'niet_afgeleverd') {
        await proces.nietBezorgd(bericht.zaakId, {
          berichtId: bericht.id,
          ontvangerId: bericht.melding.ontvangerId,
          soort: bericht.melding.soort as Berichtsoort,
          kanaal: 'sms',
        });
      }
    }
    res.status(204).end();
  });

  router.post('/inkomend', ondertekend, async (req, res) => {
    const { From, Body } = req.body as Record<string, string | undefined>;
    const woord = (Body ?? '').trim().toUpperCase();
    res.type('text/xml');
    if (From && STOP.has(woord)) {
      await prisma.smsAfmelding.upsert({ where: { nummer: From }, create: { nummer: From }, update: {} });
      res.send(twiml('U ontvangt geen sms meer van Eigen Kracht. Stuur START om ze weer te ontvangen.'));
    } else if (From && START.has(woord)) {
      await prisma.smsAfmelding.deleteMany({ where: { nummer: From } });
      res.send(twiml('U ontvangt weer sms van Eigen Kracht. Stuur STOP om te stoppen.'));
    } else {
      res.send('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    }
  });

  return router;
}
