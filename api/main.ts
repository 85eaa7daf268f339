// `npm run api`: the HTTP API on its own. Several may run behind a load balancer; they
// share Temporal and the PostgreSQL database (DATABASE_URL).
import { Client, Connection } from '@temporalio/client';
import { loadConfigOrExit } from '../config/config';
import { temporalConnectionOptions } from '../config/temporal';
import { onStopSignal } from '../launcher/shutdown';
import { databaseTarget, openDatabase } from '../prisma/database';
import { startApi } from './server';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  await database.migrate();
  const connection = await Connection.connect(temporalConnectionOptions(config.temporal));
  const api = await startApi(
    {
      prisma: database.prisma,
      temporal: new Client({ connection, namespace: config.temporal.namespace }),
      taskQueue: config.temporal.taskQueue,
      databaseBereikbaar: () => database.ping(),
    },
    config.http,
  );
  console.log(`kring API listening on ${api.url}`);

  onStopSignal(async () => {
    await api.stop();
    await connection.close();
    await database.close();
  });
}

main().catch((err) => {
  console.error(`kring API failed: ${(err as Error).message}`);
  process.exit(1);
});
