// Once per test run: the Temporal binaries (installed on first use), and with DATABASE_URL
// a fresh database on that server, so a run never sees another run's rows.
import pg from 'pg';
import { temporalCli, timeSkippingServer } from '../../launcher/temporal-binaries';

export default async function globalSetup(): Promise<void> {
  const log = (line: string) => console.log(line);
  process.env.KRING_TEST_TEMPORAL_CLI = await temporalCli(log);
  process.env.KRING_TEST_TIME_SKIPPING = JSON.stringify(await timeSkippingServer(log));

  if (process.env.DATABASE_URL) {
    const name = `kring_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    process.env.KRING_TEST_DATABASE_URL = url.toString();
  }
}
