// Bundles each entry point into dist/ with @vercel/ncc: one self-contained file per entry, so
// the GitHub Action, the Azure task and the CLI run without node_modules.
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync } from 'node:fs';

const entries = [
  { source: 'src/cli/index.ts', out: 'dist/cli' },
  { source: 'src/github/pre.ts', out: 'dist/github/pre' },
  { source: 'src/github/main.ts', out: 'dist/github/main' },
  { source: 'src/github/post.ts', out: 'dist/github/post' },
  { source: 'src/azure/pre.ts', out: 'dist/azure/pre' },
  { source: 'src/azure/main.ts', out: 'dist/azure/main' },
  { source: 'src/azure/post.ts', out: 'dist/azure/post' },
];

rmSync('dist', { recursive: true, force: true });
for (const entry of entries) {
  execFileSync(
    'npx',
    [
      'ncc',
      'build',
      entry.source,
      '-o',
      entry.out,
      '--quiet',
      '--no-source-map-register',
      '--license',
      'licenses.txt',
    ],
    {
      stdio: 'inherit',
    },
  );
}
chmodSync('dist/cli/index.js', 0o755);
