// Finds or installs the two Temporal programs kring needs outside production:
//   - the Temporal CLI, whose `server start-dev` is the local Temporal (npm start, e2e tests);
//   - the time-skipping test server, for workflow tests that cross weeks in seconds.
// Each is looked for in order: an environment variable naming a binary; a copy cached
// outside the clone (so fresh clones and CI reuse it); Temporal's official download; and
// a build from the public registries when that CDN cannot be reached.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CLI_VERSION = '1.5.1';
/** Maven fallback for the time-skipping server; the SDK's own download picks its version. */
export const TEST_SERVER_VERSION = '1.38.0';

/** Temporal's download site. The SDK downloads the test server from here itself. */
const TEMPORAL_DOWNLOADS = 'https://temporal.download';

/** Where the CLI is downloaded from; TEMPORAL_DOWNLOAD_BASE may name a mirror. */
function downloadBase(env: NodeJS.ProcessEnv): string {
  return env.TEMPORAL_DOWNLOAD_BASE ?? TEMPORAL_DOWNLOADS;
}

export type Log = (line: string) => void;

export type TestServerExecutable =
  { type: 'existing-path'; path: string } | { type: 'cached-download'; downloadDir: string };

export class ToolError extends Error {
  override name = 'ToolError';
}

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(
    env.KRING_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'kring'),
  );
}

/** One way to get a tool: a path, or undefined when this way does not apply. */
interface Way<T> {
  name: string;
  attempt(): Promise<T | undefined>;
}

async function firstThatWorks<T>(tool: string, ways: Way<T>[], advice: string): Promise<T> {
  const tried: string[] = [];
  for (const way of ways) {
    try {
      const found = await way.attempt();
      if (found !== undefined) return found;
      tried.push(`${way.name}: not there`);
    } catch (err) {
      if (err instanceof ToolError) throw err;
      tried.push(`${way.name}: ${(err as Error).message}`);
    }
  }
  throw new ToolError(`Could not get ${tool}. Tried, in order:\n${tried.map((t) => `  - ${t}`).join('\n')}\n${advice}`);
}

/** An explicitly named binary must exist: falling back would hide the mistake. */
function fromEnv(variable: string, env: NodeJS.ProcessEnv): string | undefined {
  const named = env[variable];
  if (!named) return undefined;
  if (!isExecutable(named)) throw new ToolError(`${variable}=${named} is not an executable file.`);
  return path.resolve(named);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function platform(): { os: string; arch: string } {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch as string];
  if (!arch || !['linux', 'darwin'].includes(process.platform)) {
    throw new Error(`no build for ${process.platform}/${process.arch}`);
  }
  return { os: process.platform, arch };
}

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return true;
  } catch {
    return false;
  }
}

function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; log: Log },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (err) =>
      reject(new Error((err as NodeJS.ErrnoException).code === 'ENOENT' ? `${command} is not installed` : err.message)),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.trim()}`)),
    );
  });
}

/** Builds into a scratch folder beside `target` and moves it in whole, so a crash never leaves half a tool. */
async function installAtomically(target: string, build: (scratch: string) => Promise<void>): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const scratch = fs.mkdtempSync(`${target}.partial-`);
  try {
    await build(scratch);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(scratch, target);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

// ---- Temporal CLI (dev server) -------------------------------------------------------

export async function temporalCli(log: Log = () => undefined, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dir = path.join(cacheDir(env), `temporal-cli-${CLI_VERSION}`);
  const binary = path.join(dir, 'temporal');
  return firstThatWorks(
    `the Temporal CLI ${CLI_VERSION}`,
    [
      { name: 'TEMPORAL_CLI_PATH', attempt: async () => fromEnv('TEMPORAL_CLI_PATH', env) },
      { name: `cached copy ${binary}`, attempt: async () => (isExecutable(binary) ? binary : undefined) },
      {
        name: `download from ${downloadBase(env)}`,
        attempt: async () => {
          const { os: system, arch } = platform();
          const url = `${downloadBase(env)}/cli/archive/v${CLI_VERSION}?platform=${system}&arch=${arch}`;
          log(`Downloading the Temporal CLI ${CLI_VERSION} …`);
          await installAtomically(dir, async (scratch) => {
            const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
            if (!response.ok) throw new Error(`${url} answered ${response.status}`);
            const archive = path.join(scratch, 'temporal.tar.gz');
            fs.writeFileSync(archive, Buffer.from(await response.arrayBuffer()));
            await run('tar', ['-xzf', archive, '-C', scratch, 'temporal'], { log });
            fs.rmSync(archive);
          });
          return binary;
        },
      },
      {
        name: 'go install github.com/temporalio/cli/cmd/temporal',
        attempt: async () => {
          log(`Building the Temporal CLI ${CLI_VERSION} with go install (once; a few minutes) …`);
          await installAtomically(dir, (scratch) =>
            run('go', ['install', `github.com/temporalio/cli/cmd/temporal@v${CLI_VERSION}`], {
              env: { ...env, GOBIN: scratch },
              log,
            }),
          );
          return binary;
        },
      },
    ],
    'Install Go 1.25 or newer (for `go install`), or set TEMPORAL_CLI_PATH to an existing `temporal` binary.',
  );
}

// ---- Time-skipping test server -------------------------------------------------------

export async function timeSkippingServer(
  log: Log = () => undefined,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TestServerExecutable> {
  const existing = (p: string | undefined): TestServerExecutable | undefined =>
    p === undefined ? undefined : { type: 'existing-path', path: p };
  const mavenDir = path.join(cacheDir(env), `temporal-test-server-${TEST_SERVER_VERSION}`);
  const wrapper = path.join(mavenDir, 'temporal-test-server');
  const sdkDownloads = path.join(cacheDir(env), 'sdk-downloads');
  return firstThatWorks<TestServerExecutable>(
    "Temporal's time-skipping test server",
    [
      { name: 'TEMPORAL_TEST_SERVER_PATH', attempt: async () => existing(fromEnv('TEMPORAL_TEST_SERVER_PATH', env)) },
      {
        name: `cached copy in ${cacheDir(env)}`,
        attempt: async () => {
          if (isExecutable(wrapper)) return existing(wrapper);
          const downloaded = fs.existsSync(sdkDownloads) && fs.readdirSync(sdkDownloads).length > 0;
          return downloaded ? { type: 'cached-download', downloadDir: sdkDownloads } : undefined;
        },
      },
      {
        name: `the SDK's download from ${TEMPORAL_DOWNLOADS}`,
        attempt: async () => {
          if (!(await reachable(TEMPORAL_DOWNLOADS))) throw new Error(`${TEMPORAL_DOWNLOADS} cannot be reached`);
          fs.mkdirSync(sdkDownloads, { recursive: true });
          return { type: 'cached-download', downloadDir: sdkDownloads };
        },
      },
      {
        name: `Maven artifact io.temporal:temporal-test-server:${TEST_SERVER_VERSION}`,
        attempt: async () => {
          log(`Fetching the time-skipping test server ${TEST_SERVER_VERSION} with Maven (once) …`);
          await run('java', ['-version'], { log });
          await installAtomically(mavenDir, async (scratch) => {
            fs.writeFileSync(path.join(scratch, 'pom.xml'), testServerPom());
            await run(
              'mvn',
              ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=jars', '-DincludeScope=runtime'],
              {
                cwd: scratch,
                log,
              },
            );
            // `exec` hands the process to the JVM, so stopping the server stops the JVM.
            const jars = path.join(mavenDir, 'jars', '*');
            fs.writeFileSync(
              path.join(scratch, 'temporal-test-server'),
              `#!/bin/sh\nexec java -cp '${jars}' io.temporal.testserver.TestServer "$@"\n`,
              { mode: 0o755 },
            );
          });
          return existing(wrapper);
        },
      },
    ],
    'Install Java 17+ and Maven, or set TEMPORAL_TEST_SERVER_PATH to an existing test server binary.',
  );
}

function testServerPom(): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.kring</groupId>
  <artifactId>temporal-test-server-fetch</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;
}
