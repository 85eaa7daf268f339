// `npm run worker`: a worker process on its own. Run as many as the load needs, on one
// task queue; they share Temporal and the PostgreSQL database (DATABASE_URL).
import { loadConfigOrExit } from '../config/config';
import { datamapBeschermen } from '../service/datamap';
import { temporalAddress } from '../config/temporal';
import { berichtinstellingen, linkGeheim, startKring } from '../service/kring';
import { logboek, logboekInstellen } from '../service/logboek';
import { temporalRuntimeInstalleren } from '../service/runtime';
import { sporenStarten } from '../service/sporen';
import { onStopSignal } from '../service/shutdown';
import { databaseTarget, openDatabase } from '../prisma/database';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  logboekInstellen({ vorm: config.log.vorm ?? 'json', niveau: config.log.niveau });
  const sporen = sporenStarten(config.sporen);
  temporalRuntimeInstalleren(config);
  datamapBeschermen(config.dataDir);
  const database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  await database.migrate();
  const kring = await startKring({
    temporal: config.temporal,
    database,
    berichten: berichtinstellingen(config),
    // The same key as the API's: the worker signs the links in messages, the API checks them.
    linkGeheim: linkGeheim(config),
    bewaartermijnDagen: config.bewaartermijnDagen,
    bewaarschema: true,
  });
  logboek.info(
    { taskQueue: config.temporal.taskQueue, temporal: temporalAddress(config.temporal) },
    'kring worker neemt taken aan',
  );
  // The worker finishes the activities it runs (within its shutdown bound, worker/worker.ts).
  onStopSignal(async () => {
    await kring.stop();
    await database.close();
    await sporen?.stop();
  });
  await kring.worker!.done;
}

main().catch((err) => {
  logboek.fatal({ err }, 'kring worker mislukt');
  process.exit(1);
});
