// `npm run provision`: fetch or build the Temporal binaries now (CI does this before tests).
import { temporalCli, timeSkippingServer } from './temporal-binaries';

async function main(): Promise<void> {
  const log = (line: string) => console.log(line);
  console.log(`Temporal CLI:               ${await temporalCli(log)}`);
  const testServer = await timeSkippingServer(log);
  console.log(
    `Time-skipping test server:  ${testServer.type === 'existing-path' ? testServer.path : `SDK download into ${testServer.downloadDir}`}`,
  );
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
