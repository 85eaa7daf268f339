// `npm run worker`: a worker process on its own. Run as many as the load needs, on one
// task queue; they share Temporal and the PostgreSQL database (DATABASE_URL).
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { loadConfigOrExit } from '../config/config';
import { temporalConnectionOptions } from '../config/temporal';
import { onStopSignal } from '../launcher/shutdown';
import { databaseTarget, openDatabase } from '../prisma/database';
import { runWorker } from './worker';

Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('INFO') });

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  await database.migrate();
  const connectionOptions = temporalConnectionOptions(config.temporal);
  const connection = await NativeConnection.connect(connectionOptions);
  const worker = await runWorker({ temporal: config.temporal, prisma: database.prisma, connection });
  console.log(`kring worker polling task queue ${config.temporal.taskQueue} at ${connectionOptions.address}`);

  onStopSignal(async () => {
    await worker.stop();
    await connection.close();
    await database.close();
  });
  await worker.done;
}

main().catch((err) => {
  console.error(`kring worker failed: ${(err as Error).message}`);
  process.exit(1);
});
