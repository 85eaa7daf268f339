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

/** Listens for CLI commands; `voerUit` runs one and says what to print. */
export async function beheerkanaalOpenen(
  dataDir: string,
  voerUit: (args: string[]) => Promise<Antwoord>,
): Promise<{ sluit(): Promise<void> }> {
  const pad = kanaalpad(dataDir);
  // A socket left by a process that was killed: nobody answers it any more.
  if (fs.existsSync(pad) && !(await antwoordt(pad))) fs.rmSync(pad);
  const server = net.createServer((socket) => {
    let invoer = '';
    socket.setEncoding('utf8');
    socket.on('data', (stuk) => {
      invoer += stuk;
      if (!invoer.includes('\n') || invoer.length > 64 * 1024) return;
      const args = (JSON.parse(invoer.split('\n')[0]!) as { args: string[] }).args;
      voerUit(args)
        .catch((err: Error) => ({ ok: false, uitvoer: `users mislukt: ${err.message}` }))
        .then((antwoord) => socket.end(`${JSON.stringify(antwoord)}\n`));
    });
    socket.on('error', () => undefined);
  });
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
