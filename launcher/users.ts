// `npm run users -- <opdracht>`: see launcher/gebruikers.ts. Beside a running `npm start` the
// command goes through that process (launcher/beheerkanaal.ts); otherwise it opens the
// database itself.
import { loadConfigOrExit } from '../config/config';
import { datamapBeschermen } from '../service/datamap';
import { databaseTarget, openDatabase } from '../prisma/database';
import { viaKanaal } from './beheerkanaal';
import { GebruikFout, users } from './gebruikers';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  datamapBeschermen(config.dataDir);
  const args = process.argv.slice(2);
  const antwoord = await viaKanaal(config.dataDir, args);
  if (antwoord) {
    (antwoord.ok ? console.log : console.error)(antwoord.uitvoer);
    process.exit(antwoord.ok ? 0 : 1);
  }
  const database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  try {
    await database.migrate();
    console.log(await users(database.prisma, args, { basis: config.http.publicBaseUrl }));
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof GebruikFout ? err.message : `users mislukt: ${(err as Error).message}`);
  process.exit(1);
});
