// Finding the Temporal binaries: the named one, then the cached one, then a download, then a
// build; and a failure that says what each step found and what to install.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { CLI_VERSION, ToolError, temporalCli, timeSkippingServer } from '../launcher/temporal-binaries';
import { tempDir, timeSkippingExecutable } from './support/omgeving';

function executable(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '#!/bin/sh\necho stand-in\n', { mode: 0o755 });
  return file;
}

/** A download site on loopback that has nothing. */
async function legeDownloadSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as import('node:net').AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

test('TEMPORAL_CLI_PATH names the binary to use', async () => {
  const named = executable(path.join(tempDir('bin'), 'temporal'));
  await expect(temporalCli(undefined, { KRING_CACHE_DIR: tempDir('cache'), TEMPORAL_CLI_PATH: named })).resolves.toBe(
    named,
  );
});

test('a TEMPORAL_CLI_PATH that does not exist is an error, not a silent fallback', async () => {
  const cache = tempDir('cache');
  executable(path.join(cache, `temporal-cli-${CLI_VERSION}`, 'temporal'));
  const poging = temporalCli(undefined, { KRING_CACHE_DIR: cache, TEMPORAL_CLI_PATH: '/nergens/temporal' });
  await expect(poging).rejects.toThrow(ToolError);
  await expect(poging).rejects.toThrow('TEMPORAL_CLI_PATH=/nergens/temporal is not an executable file');
});

test('a copy in the cache outside the clone is reused', async () => {
  const cache = tempDir('cache');
  const cached = executable(path.join(cache, `temporal-cli-${CLI_VERSION}`, 'temporal'));
  await expect(temporalCli(undefined, { KRING_CACHE_DIR: cache })).resolves.toBe(cached);
});

test('with no download and no Go, the error lists every step and what to install', async () => {
  const site = await legeDownloadSite();
  try {
    const poging = temporalCli(undefined, {
      KRING_CACHE_DIR: tempDir('cache'),
      TEMPORAL_DOWNLOAD_BASE: site.url,
      PATH: tempDir('leeg-pad'), // no `go` to be found
      HOME: process.env.HOME,
    });
    await expect(poging).rejects.toThrow(ToolError);
    const message = await poging.catch((err: Error) => err.message);
    expect(message).toContain(`Could not get the Temporal CLI ${CLI_VERSION}`);
    expect(message).toContain('TEMPORAL_CLI_PATH: not there');
    expect(message).toMatch(/cached copy .*: not there/);
    expect(message).toMatch(/download from http:\/\/127\.0\.0\.1:\d+: .* answered 404/);
    expect(message).toContain('go install github.com/temporalio/cli/cmd/temporal: go is not installed');
    expect(message).toContain('Install Go 1.25 or newer');
  } finally {
    await site.close();
  }
});

test('TEMPORAL_TEST_SERVER_PATH names the time-skipping server, used as an existing path', async () => {
  const named = executable(path.join(tempDir('bin'), 'temporal-test-server'));
  await expect(
    timeSkippingServer(undefined, { KRING_CACHE_DIR: tempDir('cache'), TEMPORAL_TEST_SERVER_PATH: named }),
  ).resolves.toEqual({ type: 'existing-path', path: named });
});

const testServer = timeSkippingExecutable();
const viaMaven = testServer.type === 'existing-path' && testServer.path.includes('temporal-test-server-');

(viaMaven ? test : test.skip)('the Maven-built test server wrapper execs the JVM, so stopping it stops Java', () => {
  const wrapper = fs.readFileSync((testServer as { path: string }).path, 'utf8');
  expect(wrapper).toMatch(/^exec java -cp '.*\/jars\/\*' io\.temporal\.testserver\.TestServer "\$@"$/m);
});
