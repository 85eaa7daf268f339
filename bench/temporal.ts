// The Temporal dev server kring and the bare yardsticks share, in memory, on loopback: the
// project's own launcher code, with its process id for the CPU figures.
import { startDevServer } from '../launcher/dev-server';
import { temporalCli } from '../launcher/temporal-binaries';
import { onCleanup } from './cleanup';
import { freePort } from '../test/support/omgeving';

export interface BenchTemporal {
  address: string;
  pid: number;
}

export async function startTemporal(log: (line: string) => void): Promise<BenchTemporal> {
  const binary = await temporalCli(log);
  const port = await freePort();
  const server = await startDevServer({ binary, port, namespace: 'default' });
  onCleanup('stopping the Temporal dev server', () => server.stop());
  log(`Temporal dev server on ${server.address} (in memory)`);
  return { address: server.address, pid: server.pid };
}
