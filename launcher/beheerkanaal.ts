// The users CLI beside a running `npm start`: the embedded database serves one process, so
// the CLI asks the running process to carry its command out. A Unix socket in the data
// folder, readable by its owner only, is the channel: whoever may read the data may manage it.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const kanaalpad = (dataDir: string) => path.join(dataDir, 'beheer.sock');

export interface Antwoord {
  ok: boolean;
  uitvoer: string;
}

const LANGSTE_OPDRACHT = 64 * 1024;
// A Unix socket's path has room for about 107 bytes; a longer one is cut short by the system.
const LANGSTE_PAD = 100;

/**
 * Listens for CLI commands; `voerUit` runs one and says what to print. One command per
 * connection. Undefined (and a line saying so) when the data folder's path is too long for a
 * socket: kring runs without the channel then.
 */
export async function beheerkanaalOpenen(
  dataDir: string,
  voerUit: (args: string[]) => Promise<Antwoord>,
): Promise<{ sluit(): Promise<void> } | undefined> {
  const pad = kanaalpad(path.resolve(dataDir));
  if (Buffer.byteLength(pad) > LANGSTE_PAD) {
    console.warn(`npm run users kan niet via dit proces (het pad ${pad} is te lang voor een socket).`);
    return undefined;
  }
  // A socket left by a process that was killed: nobody answers it any more.
  if (fs.existsSync(pad) && !(await antwoordt(pad))) fs.rmSync(pad);
  const server = net.createServer((socket) => {
    let invoer = '';
    let gelezen = false;
    const antwoord = (a: Antwoord) => socket.end(`${JSON.stringify(a)}\n`);
    socket.setEncoding('utf8');
    socket.on('data', (stuk) => {
      if (gelezen) return;
      invoer += stuk;
      if (invoer.length > LANGSTE_OPDRACHT) {
        gelezen = true;
        return antwoord({ ok: false, uitvoer: 'opdracht te lang' });
      }
      const einde = invoer.indexOf('\n');
      if (einde === -1) return;
      gelezen = true;
      let args: unknown;
      try {
        args = (JSON.parse(invoer.slice(0, einde)) as { args?: unknown }).args;
      } catch {
        args = undefined;
      }
      if (!Array.isArray(args) || !args.every((a) => typeof a === 'string')) {
        return antwoord({ ok: false, uitvoer: 'onleesbare opdracht' });
      }
      voerUit(args)
        .catch((err: Error) => ({ ok: false, uitvoer: `users mislukt: ${err.message}` }))
        .then(antwoord);
    });
    socket.on('error', () => undefined);
  });
  // The process's umask (077, service/datamap.ts) makes the socket its owner's from the start.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(pad, () => resolve());
  });
  fs.chmodSync(pad, 0o600);
  return {
    sluit: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        fs.rmSync(pad, { force: true });
      }),
  };
}

/** The running process's answer to a CLI command; undefined when no process listens. */
export async function viaKanaal(dataDir: string, args: string[]): Promise<Antwoord | undefined> {
  const pad = kanaalpad(dataDir);
  if (!fs.existsSync(pad)) return undefined;
  return new Promise((resolve, reject) => {
    const socket = net.connect(pad);
    // A command may take a while (telling a region's open cases); not for ever.
    socket.setTimeout(5 * 60_000, () => socket.destroy(new Error('the running kring did not answer in time')));
    let uit = '';
    socket.setEncoding('utf8');
    socket.once('connect', () => socket.write(`${JSON.stringify({ args })}\n`));
    socket.on('data', (stuk) => (uit += stuk));
    socket.once('end', () => {
      try {
        resolve(JSON.parse(uit) as Antwoord);
      } catch {
        reject(new Error('the running kring gave no answer'));
      }
    });
    socket.once('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNREFUSED' || err.code === 'ENOENT' ? resolve(undefined) : reject(err),
    );
  });
}

function antwoordt(pad: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(pad);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
