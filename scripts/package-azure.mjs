// Builds the Azure DevOps extension (.vsix) with tfx-cli: the task folder holds task.json and
// the bundled handlers under dist/azure, as task.json's targets name them. Then checks the
// package holds what the agent will run.
//
//   npm run package:azure   ->  build/dataclone.vsix
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const stage = 'build/azure-extension';
rmSync('build', { recursive: true, force: true });
mkdirSync(path.join(stage, 'task'), { recursive: true });
cpSync('vss-extension.json', path.join(stage, 'vss-extension.json'));
cpSync('task.json', path.join(stage, 'task', 'task.json'));
cpSync('dist/azure', path.join(stage, 'task', 'dist', 'azure'), { recursive: true });

execFileSync(
  'npx',
  [
    'tfx',
    'extension',
    'create',
    '--root',
    stage,
    '--manifest-globs',
    'vss-extension.json',
    '--output-path',
    'build/dataclone.vsix',
    '--no-prompt',
  ],
  { stdio: 'inherit', env: { ...process.env, TFX_TRACE: '' } },
);

// A .vsix is a zip: list it with python3's zipfile (on every machine CI runs on).
const listing = execFileSync(
  'python3',
  [
    '-c',
    'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
    'build/dataclone.vsix',
  ],
  {
    encoding: 'utf8',
  },
);
const task = JSON.parse(readFileSync('task.json', 'utf8'));
const targets = [
  ...Object.values(task.prejobexecution),
  ...Object.values(task.execution),
  ...Object.values(task.postjobexecution),
].map((handler) => handler.target);
const needed = ['extension.vsixmanifest', 'task/task.json', ...targets.map((target) => `task/${target}`)];
const missing = needed.filter((file) => !listing.split('\n').includes(file));
if (missing.length) {
  console.error(`build/dataclone.vsix lacks: ${missing.join(', ')}`);
  process.exit(1);
}
const manifest = execFileSync(
  'python3',
  [
    '-c',
    'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("extension.vsixmanifest").decode())',
    'build/dataclone.vsix',
  ],
  {
    encoding: 'utf8',
  },
);
if (!manifest.includes('Id="dataclone"') || !manifest.includes('Version="0.1.0"')) {
  console.error('build/dataclone.vsix: the manifest does not name extension dataclone 0.1.0');
  process.exit(1);
}
console.log(`build/dataclone.vsix: ${needed.length} required entries present`);
