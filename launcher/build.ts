// `npm run build`: compiles kring to dist/ for production images, with the workflow code
// bundled once (dist/workflow-bundle.js) so workers start without bundling.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { SPOREN_IN_WORKFLOW } from '../service/sporen';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');

async function main(): Promise<void> {
  fs.rmSync(DIST, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) throw new Error('TypeScript compilation failed');

  // The migrator reads its SQL beside the compiled code.
  fs.cpSync(path.join(ROOT, 'prisma', 'migrations'), path.join(DIST, 'prisma', 'migrations'), { recursive: true });
  // And the screens their own style sheet.
  fs.cpSync(path.join(ROOT, 'schermen', 'kring.css'), path.join(DIST, 'schermen', 'kring.css'));

  const { code } = await bundleWorkflowCode({
    workflowsPath: path.join(ROOT, 'workflows'),
    workflowInterceptorModules: [SPOREN_IN_WORKFLOW],
  });
  fs.writeFileSync(path.join(DIST, 'workflow-bundle.js'), code);
  console.log(`Built ${path.relative(ROOT, DIST)}/ (workflow bundle ${(code.length / 1024).toFixed(0)} kB)`);
}

main().catch((err) => {
  console.error((err as Error).message);
  process.exit(1);
});
