// A real SMTP server on loopback that keeps what it receives, parsed.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface Postbus {
  url: string;
  ontvangen: ParsedMail[];
  /** Called once a message is in, before the server says "250 OK"; may never resolve. */
  naOntvangst?: (mail: ParsedMail) => Promise<void> | void;
  /** Addresses refused for now, as a full mailbox is: "450 4.2.2 <address>: mailbox full". */
  vol: Set<string>;
  aan(adres: string): ParsedMail[];
  stop(): Promise<void>;
}

export async function postbus(): Promise<Postbus> {
  const bus: Postbus = {
    url: '',
    ontvangen: [],
    vol: new Set(),
    aan: (adres) =>
      bus.ontvangen.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.text.includes(adres))),
    stop: async () => undefined,
  };
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Stopping drops the connections a pooled sender keeps open, as a server going down does,
    // rather than waiting out their idle timeout.
    closeTimeout: 200,
    onRcptTo(adres, _session, klaar) {
      if (!bus.vol.has(adres.address)) return klaar();
      klaar(Object.assign(new Error(`4.2.2 <${adres.address}>: mailbox full`), { responseCode: 450 }));
    },
    onData(stream, _session, klaar) {
      simpleParser(stream)
        .then(async (mail) => {
          bus.ontvangen.push(mail);
          await bus.naOntvangst?.(mail);
          klaar();
        })
        .catch(klaar);
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.server.address() as AddressInfo;
  bus.url = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  bus.stop = () => new Promise((r) => server.close(() => r()));
  return bus;
}
