// A TCP go-between on loopback in front of a real server: cut, it behaves as a server that
// restarts (connections dropped, new ones refused); restored, the same address answers again.
import net from 'node:net';

export interface Tussenpersoon {
  port: number;
  onderbreek(): Promise<void>;
  herstel(): Promise<void>;
  stop(): Promise<void>;
}

export async function tussenpersoon(doel: { host: string; port: number }): Promise<Tussenpersoon> {
  const open = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const luister = () =>
    new Promise<void>((resolve, reject) => {
      if (server) return resolve(); // not cut: it answers already
      server = net.createServer((binnen) => {
        const buiten = net.connect(doel.port, doel.host);
        for (const s of [binnen, buiten]) {
          open.add(s);
          s.on('close', () => open.delete(s));
          s.on('error', () => (s === binnen ? buiten : binnen).destroy());
        }
        binnen.pipe(buiten).pipe(binnen);
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  const onderbreek = () =>
    new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      server ? server.close(() => resolve()) : resolve();
      server = undefined;
    });
  await luister();
  return { port, onderbreek, herstel: luister, stop: onderbreek };
}
