// `npm run api`: the HTTP API on its own. Several may run behind a load balancer; they
// share Temporal and the PostgreSQL database (DATABASE_URL).
import { loadConfigOrExit } from '../config/config';
import { datamapBeschermen } from '../service/datamap';
import { berichtinstellingen, linkGeheim, startKring } from '../service/kring';
import { onStopSignal } from '../service/shutdown';
import { databaseTarget, openDatabase } from '../prisma/database';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  datamapBeschermen(config.dataDir);
  const database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  await database.migrate();
  const kring = await startKring({
    temporal: config.temporal,
    database,
    http: config.http,
    worker: false,
    berichten: berichtinstellingen(config),
    linkGeheim: linkGeheim(config),
  });
  console.log(`kring API listening on ${kring.apiUrl}`);
  onStopSignal(async () => {
    await kring.stop();
    await database.close();
  });
}

main().catch((err) => {
  console.error(`kring API failed: ${(err as Error).message}`);
  process.exit(1);
});
