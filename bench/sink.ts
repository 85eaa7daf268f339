// An SMTP server on loopback that takes every message and notes when it arrived, its
// Message-ID and its subject: what the storm figure counts. Only the headers are read
// (a full parse of thousands of messages would cost the bench CPU that kring needs).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Arrival {
  messageId: string;
  subject: string;
  /** Epoch ms when the message was complete, before the server said 250. */
  at: number;
}

export interface Sink {
  /** For SMTP_URL and nodemailer. */
  url: string;
  host: string;
  port: number;
  readonly arrivals: readonly Arrival[];
  /** Message-IDs that arrived more than once, with how often. */
  duplicateMessageIds(): Array<{ messageId: string; times: number }>;
  stop(): Promise<void>;
}

/** Unfolds the header block and returns the named header's value (decoded where MIME-encoded). */
function header(block: string, name: string): string {
  const unfolded = block.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? decodeWords(line.slice(name.length + 1).trim()) : '';
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_all, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-Fa-f]{2})/g, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

export async function startSink(): Promise<Sink> {
  const arrivals: Arrival[] = [];
  const seen = new Map<string, number>();
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // A reverse DNS lookup per connection would add its latency to every message.
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, done) {
      let head = '';
      let headDone = false;
      stream.on('data', (chunk: Buffer) => {
        if (headDone) return;
        head += chunk.toString('latin1');
        const end = head.search(/\r?\n\r?\n/);
        if (end >= 0) {
          head = head.slice(0, end);
          headDone = true;
        }
      });
      stream.on('end', () => {
        const arrival = { messageId: header(head, 'Message-ID'), subject: header(head, 'Subject'), at: Date.now() };
        arrivals.push(arrival);
        seen.set(arrival.messageId, (seen.get(arrival.messageId) ?? 0) + 1);
        done();
      });
      stream.on('error', done);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client dropping its connection mid-message is the sender's failure, counted by what
  // arrived (or not); it must not end the bench.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    host: '127.0.0.1',
    port,
    arrivals,
    duplicateMessageIds: () =>
      [...seen].filter(([, times]) => times > 1).map(([messageId, times]) => ({ messageId, times })),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
