// `npm run worker`: a worker process on its own. Run as many as the load needs, on one
// task queue; they share Temporal and the PostgreSQL database (DATABASE_URL).
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { loadConfigOrExit } from '../config/config';
import { datamapBeschermen } from '../service/datamap';
import { temporalAddress } from '../config/temporal';
import { berichtinstellingen, linkGeheim, startKring } from '../service/kring';
import { onStopSignal } from '../service/shutdown';
import { databaseTarget, openDatabase } from '../prisma/database';

Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('INFO') });

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  datamapBeschermen(config.dataDir);
  const database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  await database.migrate();
  const kring = await startKring({
    temporal: config.temporal,
    database,
    berichten: berichtinstellingen(config),
    // The same key as the API's: the worker signs the links in messages, the API checks them.
    linkGeheim: linkGeheim(config),
  });
  console.log(`kring worker polling task queue ${config.temporal.taskQueue} at ${temporalAddress(config.temporal)}`);
  onStopSignal(async () => {
    await kring.stop();
    await database.close();
  });
  await kring.worker!.done;
}

main().catch((err) => {
  console.error(`kring worker failed: ${(err as Error).message}`);
  process.exit(1);
});
