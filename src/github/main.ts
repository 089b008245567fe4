import '../bundle/commonjs-globals.js';
import { runCiStep } from '../adapters/run-ci-step.js';
import { readInputs } from './inputs.js';
import { githubPlatform } from './platform.js';
import { saveState } from './state.js';

// action.yml's main step. Post has an entry of its own (post.ts), so that a post step whose main
// was killed before it saved anything can never take itself for main.
await runCiStep(githubPlatform(), () => readInputs(), saveState);
