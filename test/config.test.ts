// Configuration: sensible defaults on a bare machine; a wrong value stops start-up with its name.
import path from 'node:path';
import { ConfigError, loadConfig } from '../config/config';
import { temporalConnectionOptions } from '../config/temporal';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

test('nothing set: embedded everything on loopback', () => {
  const config = loadConfig({});
  expect(config).toMatchObject({
    dataDir: path.resolve('.data'),
    databaseUrl: undefined,
    temporal: { address: undefined, namespace: 'default', taskQueue: 'kring-zaken', devPort: 7233, uiPort: 8233 },
    http: { host: '127.0.0.1', port: 3000 },
  });
  expect(config.smtp).toBeUndefined();
  expect(config.twilio).toBeUndefined();
  expect(temporalConnectionOptions(config.temporal)).toEqual({
    address: '127.0.0.1:7233',
    tls: undefined,
    apiKey: undefined,
  });
});

test('each wrong value is named, all at once', () => {
  const problems = problemsOf({
    PORT: 'drieduizend',
    TEMPORAL_ADDRESS: 'http://temporal',
    DATABASE_URL: 'mysql://db/kring',
    TWILIO_ACCOUNT_SID: 'nope',
  });
  expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(
    ['DATABASE_URL', 'PORT', 'TEMPORAL_ADDRESS', 'TWILIO_ACCOUNT_SID'].sort(),
  );
  expect(problems.find((p) => p.startsWith('PORT'))).toContain('"drieduizend"');
});

test("a secret's wrong value is named but not shown", () => {
  const problems = problemsOf({
    METRICS_TOKEN: 'kort geheim',
    KRING_LINK_SECRET: 'te-kort',
    SMTP_URL: 'http://x:geheim@smtp',
  });
  expect(problems).toHaveLength(3);
  expect(problems.join('\n')).not.toMatch(/kort geheim|te-kort|x:geheim/);
  expect(problems.join('\n')).toContain('METRICS_TOKEN');
});

test('operations settings: logs, the proxies in front, the stop delay', () => {
  expect(loadConfig({})).toMatchObject({
    log: { niveau: 'info', vorm: undefined },
    vertrouwdeProxy: false,
    stopVertragingSeconden: 0,
  });
  expect(loadConfig({ TRUST_PROXY: '1' }).vertrouwdeProxy).toBe(1);
  expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).vertrouwdeProxy).toBe('loopback, 10.0.0.0/8');
  expect(loadConfig({ LOG_LEVEL: 'debug', LOG_FORMAT: 'leesbaar', SHUTDOWN_DELAY: '5' })).toMatchObject({
    log: { niveau: 'debug', vorm: 'leesbaar' },
    stopVertragingSeconden: 5,
  });
  // Trusting every proxy would let any caller choose the address its failed sign-ins count against.
  expect(problemsOf({ TRUST_PROXY: 'true' })[0]).toMatch(/^TRUST_PROXY: trusting every proxy/);
  expect(problemsOf({ TRUST_PROXY: 'mijn-proxy' })[0]).toMatch(/^TRUST_PROXY: expected a number of proxies/);
  expect(problemsOf({ TRUST_PROXY: '10.0.0.0/99' })[0]).toMatch(/^TRUST_PROXY/);
  expect(problemsOf({ LOG_LEVEL: 'luid' })[0]).toMatch(/^LOG_LEVEL/);
  // Closed cases are kept two years unless the deployment says otherwise; never zero days.
  expect(loadConfig({}).bewaartermijnDagen).toBe(730);
  expect(loadConfig({ BEWAARTERMIJN_DAGEN: '7300' }).bewaartermijnDagen).toBe(7300);
  expect(problemsOf({ BEWAARTERMIJN_DAGEN: '0' })[0]).toMatch(/^BEWAARTERMIJN_DAGEN/);
  expect(problemsOf({ BEWAARTERMIJN_DAGEN: 'twee jaar' })[0]).toMatch(/^BEWAARTERMIJN_DAGEN/);
});

test('settings that belong together must come together', () => {
  expect(problemsOf({ TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}` })).toEqual([
    expect.stringMatching(
      /TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM: .*missing TWILIO_AUTH_TOKEN, TWILIO_FROM/,
    ),
  ]);
  expect(problemsOf({ TEMPORAL_TLS_CERT: '/etc/kring/client.pem' })).toEqual([
    expect.stringContaining('missing TEMPORAL_TLS_KEY'),
  ]);
});

test('a hosted Temporal: address, namespace and API key turn on TLS', () => {
  const config = loadConfig({
    TEMPORAL_ADDRESS: 'kring.a1b2c.tmprl.cloud:7233',
    TEMPORAL_NAMESPACE: 'kring.a1b2c',
    TEMPORAL_API_KEY: 'secret-key',
  });
  expect(temporalConnectionOptions(config.temporal)).toMatchObject({
    address: 'kring.a1b2c.tmprl.cloud:7233',
    apiKey: 'secret-key',
    tls: {},
  });
});

test('PostgreSQL, SMTP and Twilio when configured', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgresql://kring:geheim@db:5432/kring',
    SMTP_URL: 'smtp://mail:1025',
    TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'token',
    TWILIO_FROM: '+3197010000000',
    PORT: '8080',
    HOST: '0.0.0.0',
  });
  expect(config.databaseUrl).toBe('postgresql://kring:geheim@db:5432/kring');
  expect(config.smtp).toEqual({ url: 'smtp://mail:1025', from: expect.any(String) });
  expect(config.twilio).toEqual({ accountSid: `AC${'a'.repeat(32)}`, authToken: 'token', from: '+3197010000000' });
  expect(config.http).toEqual({ host: '0.0.0.0', port: 8080, publicBaseUrl: 'http://localhost:8080' });
});

test('an empty variable counts as unset', () => {
  expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, http: { port: 3000 } });
});
