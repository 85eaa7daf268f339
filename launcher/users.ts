// `npm run users -- add|token|revoke|list …`: see launcher/gebruikers.ts.
import { loadConfigOrExit } from '../config/config';
import { databaseTarget, openDatabase } from '../prisma/database';
import { GebruikFout, users } from './gebruikers';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
  try {
    await database.migrate();
    console.log(await users(database.prisma, process.argv.slice(2)));
  } finally {
    await database.close();
  }
}

main().catch((err) => {
  console.error(err instanceof GebruikFout ? err.message : `users failed: ${(err as Error).message}`);
  process.exit(1);
});
