// The Temporal dev server kring and the bare yardsticks share, in memory, on loopback: the
// project's own launcher code, plus its process id for the CPU figures.
import { startDevServer } from '../launcher/dev-server';
import { temporalCli } from '../launcher/temporal-binaries';
import { onCleanup } from './cleanup';
import { freePort } from './net';
import { childrenOf, commandLine } from './proc';

export interface BenchTemporal {
  address: string;
  pid: number;
}

export async function startTemporal(log: (line: string) => void): Promise<BenchTemporal> {
  const binary = await temporalCli(log);
  const port = await freePort();
  const server = await startDevServer({ binary, port, namespace: 'default' });
  onCleanup('stopping the Temporal dev server', () => server.stop());
  // The launcher does not hand out the pid: it is the child of this process serving that port.
  const pid = childrenOf(process.pid).find((child) => {
    const args = commandLine(child);
    return args.includes('start-dev') && args[args.indexOf('--port') + 1] === String(port);
  });
  if (pid === undefined) throw new Error(`cannot find the Temporal dev server's process (port ${port})`);
  log(`Temporal dev server on ${server.address} (in memory)`);
  return { address: server.address, pid };
}
