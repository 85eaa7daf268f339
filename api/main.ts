// `npm run api`: the HTTP API on its own. Several may run behind a load balancer; they
// share Temporal and the PostgreSQL database (DATABASE_URL).
import { loadConfigOrExit } from '../config/config';
import { datamapBeschermen } from '../service/datamap';
import { berichtinstellingen, linkGeheim, startKring } from '../service/kring';
import { logboek, logboekInstellen } from '../service/logboek';
import { sporenStarten } from '../service/sporen';
import { netjesStoppen, onStopSignal } from '../service/shutdown';
import { databaseTarget, openDatabase } from '../prisma/database';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  logboekInstellen({ vorm: config.log.vorm ?? 'json', niveau: config.log.niveau });
  const sporen = sporenStarten(config.sporen);
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
    metricsToken: config.metricsToken,
    vertrouwdeProxy: config.vertrouwdeProxy,
    bewaartermijnDagen: config.bewaartermijnDagen,
  });
  logboek.info({ url: kring.apiUrl }, 'kring API luistert');
  onStopSignal(async () => {
    await netjesStoppen(kring, config.stopVertragingSeconden);
    await database.close();
    await sporen?.stop();
  });
}

main().catch((err) => {
  logboek.fatal({ err }, 'kring API kon niet starten');
  process.exit(1);
});
