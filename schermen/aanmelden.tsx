// The way in for staff: type your email address, open the link kring sends, press the button.
// The link page asks for the press so that a mail scanner opening links does not use it up.
import crypto from 'node:crypto';
import { Router, type Response } from 'express';
import type { PrismaClient } from '@prisma/client';
import type { Verzender } from '../activities/verzenders';
import { normaalAdres } from '../zaakproces/aanvraag';
import { adresSleutel, Aanmeldlimiet } from '../api/aanmeldlimiet';
import { vastleggen } from '../api/audit';
import { aanmeldlinkMaken, aanmelden, afmelden, COOKIE, HOOGSTENS_MS, LINK_GELDIG_MS, veiligPad } from './sessies';
import { Alinea, Formulier, Knop, Melding, pagina } from './opmaak';
import { Invoer } from './velden';
import { logboek } from '../service/logboek';

export interface AanmeldDeps {
  prisma: PrismaClient;
  verzender?: Pick<Verzender, 'email'>;
  publicBaseUrl: string;
  limietGeheim: Buffer;
}

const EMAILVELD = { naam: 'email', label: 'Uw e-mailadres', soort: 'email', verplicht: true } as const;

function aanmeldpagina(naar: string, melding?: string, fout?: string) {
  return pagina({
    titel: 'Aanmelden',
    children: (
      <>
        {melding && <Melding soort="ok">{melding}</Melding>}
        <Alinea>
          kring werkt zonder wachtwoord. Vul het e-mailadres van uw account in; u krijgt een link waarmee u zich
          aanmeldt. De link werkt {LINK_GELDIG_MS / 60_000} minuten en één keer.
        </Alinea>
        <Formulier actie={`/aanmelden?naar=${encodeURIComponent(naar)}`}>
          <Invoer veld={EMAILVELD} stand={{ waarden: {}, fouten: fout ? { email: fout } : {} }} />
          <Knop>Stuur mij een aanmeldlink</Knop>
        </Formulier>
      </>
    ),
  });
}

export function aanmeldRouter({ prisma, verzender, publicBaseUrl, limietGeheim }: AanmeldDeps): Router {
  const router = Router();
  // Asking for links, per address and per account: nobody fills another's mailbox.
  const perAdres = new Aanmeldlimiet(prisma, limietGeheim, 'link-adres', 20, 15 * 60_000);
  const perAccount = new Aanmeldlimiet(prisma, limietGeheim, 'link-account', 5, 15 * 60_000);
  const beveiligd = publicBaseUrl.startsWith('https:');

  async function linkSturen(gebruikerId: string, email: string, naar: string) {
    const token = await aanmeldlinkMaken(prisma, gebruikerId, naar);
    await vastleggen(prisma, { actor: gebruikerId, via: 'aanmelden' }, 'aanmeldlink.verstuurd', null);
    await verzender!.email({
      id: crypto.randomUUID(),
      aan: email,
      onderwerp: 'Uw aanmeldlink voor kring',
      tekst:
        `Met deze link meldt u zich aan bij kring. Hij werkt ${LINK_GELDIG_MS / 60_000} minuten en één keer:\n\n` +
        `${publicBaseUrl}/aanmelden/${token}\n\n` +
        'Vroeg u hier niet om? Dan kunt u deze mail negeren.',
    });
  }

  router.get('/aanmelden', (req, res) => {
    res.type('html').send(aanmeldpagina(veiligPad(req.query.naar)));
  });

  router.post('/aanmelden', async (req, res) => {
    const naar = veiligPad(req.query.naar);
    const ruw = typeof req.body?.email === 'string' ? req.body.email.trim() : '';
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(ruw) || ruw.length > 254) {
      return void res
        .status(422)
        .type('html')
        .send(aanmeldpagina(naar, undefined, 'Vul een geldig e-mailadres in.'));
    }
    const email = normaalAdres(ruw);
    // The same answer whether or not there is an account: the page tells nobody who works here.
    const bevestiging = `Als er een account is voor ${email}, is er nu een aanmeldlink naartoe gestuurd. Kijk in uw mail.`;
    if (!(await perAdres.tel(req, res, adresSleutel(req))).binnen) {
      return void res
        .status(429)
        .type('html')
        .send(aanmeldpagina(naar, undefined, 'U vroeg te vaak een link. Probeer het over een kwartier opnieuw.'));
    }
    // Not awaited: the answer takes as long, and looks the same, for an unknown address as for
    // a known one. An account asked for too often gets no more links for a while; only a real
    // account's requests count against it (unknown addresses fill no table).
    void (async () => {
      const account = await prisma.gebruiker.findUnique({ where: { naam: email } });
      if (!account || account.geblokkeerdOp || !verzender) return;
      if (!(await perAccount.tel(req, res, account.id)).binnen) return;
      await linkSturen(account.id, email, naar);
    })().catch((err: unknown) =>
      // The error's kind only: a mail server's refusal quotes the address.
      (req.log ?? logboek).error({ soort: err instanceof Error ? err.name : typeof err }, 'aanmeldlink niet verstuurd'),
    );
    res.type('html').send(aanmeldpagina(naar, bevestiging));
  });

  router.get('/aanmelden/:token', (req, res) => {
    res.type('html').send(
      pagina({
        titel: 'Aanmelden bij kring',
        children: (
          <Formulier actie={`/aanmelden/${encodeURIComponent(req.params.token)}`}>
            <Alinea>Druk op de knop om u aan te melden op dit apparaat.</Alinea>
            <Knop>Aanmelden</Knop>
          </Formulier>
        ),
      }),
    );
  });

  router.post('/aanmelden/:token', async (req, res) => {
    const gelukt = await aanmelden(prisma, req.params.token);
    if (!gelukt) {
      return void res
        .status(410)
        .type('html')
        .send(
          pagina({
            titel: 'Deze link werkt niet meer',
            children: (
              <>
                <Alinea>Een aanmeldlink werkt één keer en maar kort. Vraag een nieuwe aan.</Alinea>
                <Alinea>
                  <a class="utrecht-link" href="/aanmelden">
                    Nieuwe aanmeldlink
                  </a>
                </Alinea>
              </>
            ),
          }),
        );
    }
    await vastleggen(prisma, { actor: gelukt.gebruikerId, via: `sessie:${gelukt.sessieId}` }, 'aangemeld', null);
    zetCookie(res, gelukt.sessieToken, beveiligd);
    res.redirect(303, gelukt.naar);
  });

  router.post('/afmelden', async (req, res) => {
    if (req.sessie) {
      await afmelden(prisma, req.sessie.sessieId);
      await vastleggen(prisma, { actor: req.sessie.id, via: req.sessie.via }, 'afgemeld', null);
    }
    res.clearCookie(COOKIE, { path: '/' });
    res.type('html').send(
      pagina({
        titel: 'U bent afgemeld',
        children: (
          <Alinea>
            <a class="utrecht-link" href="/aanmelden">
              Opnieuw aanmelden
            </a>
          </Alinea>
        ),
      }),
    );
  });

  return router;
}

function zetCookie(res: Response, token: string, beveiligd: boolean) {
  res.cookie(COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: beveiligd,
    path: '/',
    maxAge: HOOGSTENS_MS,
  });
}
