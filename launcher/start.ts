// `npm start`: everything kring needs, on this machine, with embedded defaults:
// a Temporal dev server (SQLite and Web UI), the embedded database, the worker and the API.
// Ctrl-C stops all of it; the next start finds every case where it was. The first start
// makes an administrator; `npm run demo` (npm start -- --demo) also fills a demo world.
// Beside it, `npm run users` goes through this process (launcher/beheerkanaal.ts).
import path from 'node:path';
import { loadConfigOrExit, type Config } from '../config/config';
import { datamapBeschermen } from '../service/datamap';
import { databaseTarget, openDatabase, type Database } from '../prisma/database';
import { startDevServer, type DevServer } from './dev-server';
import { berichtinstellingen, linkGeheim, startKring, type RunningKring } from '../service/kring';
import { logboek, logboekInstellen } from '../service/logboek';
import { temporalRuntimeInstalleren } from '../service/runtime';
import { netjesStoppen } from '../service/shutdown';
import { sporenStarten } from '../service/sporen';
import { beheerkanaalOpenen } from './beheerkanaal';
import { demoWereld, eersteBeheerder } from './demo';
import { GebruikFout, users } from './gebruikers';
import { temporalCli } from './temporal-binaries';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // What happens is logged as readable lines here; what to do next is printed plainly (console).
  logboekInstellen({ vorm: config.log.vorm ?? 'leesbaar', niveau: config.log.niveau });
  // In the terminal the worker's routine (bundling, state changes) is noise: its warnings only,
  // unless LOG_LEVEL asks for more.
  temporalRuntimeInstalleren(config, config.log.niveau === 'info' ? 'WARN' : undefined);
  const sporen = sporenStarten(config.sporen);
  datamapBeschermen(config.dataDir);
  const running: {
    devServer?: DevServer;
    database?: Database;
    kring?: RunningKring;
    kanaal?: { sluit(): Promise<void> } | undefined;
  } = {};
  const demo = process.argv.includes('--demo');

  let stopping = false;
  const stopAll = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping kring …`);
    await running.kanaal?.sluit().catch(() => undefined);
    if (running.kring) {
      await netjesStoppen(running.kring, config.stopVertragingSeconden).catch((err) =>
        logboek.error({ err }, 'stoppen van worker/API mislukt'),
      );
    }
    await running.database?.close().catch((err) => logboek.error({ err }, 'sluiten van de database mislukt'));
    await sporen?.stop().catch((err) => logboek.error({ err }, 'versturen van de laatste sporen mislukt'));
    await running.devServer?.stop().catch((err) => logboek.error({ err }, 'stoppen van Temporal mislukt'));
    console.log('kring stopped.');
    process.exit(exitCode);
  };
  // npm forwards the terminal's Ctrl-C as well: a repeated signal joins the stop under way.
  // A closed terminal (SIGHUP) stops it in order too: no Temporal server is left behind.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stopAll(signal, 0));

  try {
    if (!config.temporal.address) {
      const binary = await temporalCli((line) => console.log(line));
      running.devServer = await startDevServer({
        binary,
        port: config.temporal.devPort,
        uiPort: config.temporal.uiPort,
        dbFile: path.join(config.dataDir, 'temporal', 'dev-server.sqlite'),
        namespace: config.temporal.namespace,
      }).catch((err: Error) => {
        if (!/address already in use/.test(err.message)) throw err;
        throw new Error(
          `${err.message}\nA port is taken: set TEMPORAL_DEV_PORT and TEMPORAL_UI_PORT to free ports, ` +
            'or TEMPORAL_ADDRESS to use the Temporal server that runs there.',
        );
      });
    }
    running.database = await openDatabase(databaseTarget(config.databaseUrl, config.dataDir));
    const applied = await running.database.migrate();
    if (applied.length > 0) console.log(`Database migrations applied: ${applied.join(', ')}`);
    running.kring = await startKring({
      temporal: config.temporal,
      database: running.database,
      http: config.http,
      berichten: berichtinstellingen(config),
      linkGeheim: linkGeheim(config),
      metricsToken: config.metricsToken,
      vertrouwdeProxy: config.vertrouwdeProxy,
      bewaartermijnDagen: config.bewaartermijnDagen,
      bewaarschema: true,
    });
    const { prisma } = running.database;
    const proces = running.kring.proces!;
    // Beside it, the CLI: a channel that fails leaves kring running without it.
    running.kanaal = await beheerkanaalOpenen(config.dataDir, (args) =>
      users(prisma, args, { proces, basis: config.http.publicBaseUrl }).then(
        (uitvoer) => ({ ok: true, uitvoer }),
        (err: Error) => ({
          ok: false,
          uitvoer: err instanceof GebruikFout ? err.message : `users mislukt: ${err.message}`,
        }),
      ),
    ).catch((err: Error) => {
      console.warn(`npm run users kan niet via dit proces: ${err.message}`);
      return undefined;
    });
    const beheerder = await eersteBeheerder(prisma);
    if (beheerder) console.log(beheerder);
    // A demo that fails leaves kring running, and says why.
    if (demo) {
      console.log(
        await demoWereld(prisma, proces, running.kring.apiUrl!).catch(
          (err: Error) => `De demowereld kon niet worden gemaakt: ${err.message}`,
        ),
      );
    }
  } catch (err) {
    console.error(`kring could not start: ${(err as Error).message}`);
    await stopAll('start-up failed', 1);
    return;
  }

  // Nothing runs half: if the worker or Temporal ends on its own, kring stops as a whole.
  running.kring.worker!.done.then(
    () => stopAll('the worker stopped', 1),
    (err) => {
      logboek.error({ err }, 'de worker is mislukt');
      return stopAll('the worker failed', 1);
    },
  );
  void running.devServer?.exited.then((code) => stopAll(`the Temporal dev server exited (code ${code})`, 1));
  console.log(banner(config, running.kring, running.devServer));
}

function banner(config: Config, kring: RunningKring, devServer: DevServer | undefined): string {
  const database = config.databaseUrl
    ? `PostgreSQL at ${new URL(config.databaseUrl).host}${new URL(config.databaseUrl).pathname}`
    : `embedded PGlite in ${path.join(config.dataDir, 'pglite')}`;
  const temporal = devServer
    ? `${devServer.address} (dev server, data in ${path.join(config.dataDir, 'temporal')})`
    : `${config.temporal.address} (namespace ${config.temporal.namespace})`;
  return [
    '',
    'kring is running.',
    `  API          ${kring.apiUrl}   (try GET ${kring.apiUrl}/readyz)`,
    `  Temporal     ${temporal}`,
    ...(devServer?.uiUrl ? [`  Temporal UI  ${devServer.uiUrl}`] : []),
    `  Database     ${database}`,
    `  Task queue   ${config.temporal.taskQueue}`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

void main();
