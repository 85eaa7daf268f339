import pg from 'pg';

export default async function globalTeardown(): Promise<void> {
  const testUrl = process.env.KRING_TEST_DATABASE_URL;
  if (!process.env.DATABASE_URL || !testUrl) return;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(testUrl).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
}
