// `npm start` as a person runs it, in a child process of the test: its output, when it is up.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface Gestart {
  proces: ChildProcess;
  uitvoer: () => string;
  klaar: Promise<string>;
  gestopt: Promise<number | null>;
}

export function npmStart(env: NodeJS.ProcessEnv, ...args: string[]): Gestart {
  const proces = spawn(
    process.execPath,
    [path.join(__dirname, '..', '..', 'launcher', 'bootstrap.js'), 'start', ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let uitvoer = '';
  const gestopt = new Promise<number | null>((resolve) => proces.once('exit', resolve));
  const klaar = new Promise<string>((resolve, reject) => {
    const lees = (chunk: Buffer) => {
      uitvoer += chunk.toString();
      const api = /API\s+(http:\/\/\S+)/.exec(uitvoer);
      if (uitvoer.includes('Press Ctrl-C to stop.') && api) resolve(api[1]!);
    };
    proces.stdout!.on('data', lees);
    proces.stderr!.on('data', lees);
    void gestopt.then((code) => reject(new Error(`npm start exited with ${code}:\n${uitvoer}`)));
  });
  return { proces, uitvoer: () => uitvoer, klaar, gestopt };
}
