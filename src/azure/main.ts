import '../bundle/commonjs-globals.js';
import { runCiStep } from '../adapters/run-ci-step.js';
import { readInputs } from './inputs.js';
import { azurePlatform } from './platform.js';
import { saveState } from './state.js';

// task.json's execution handler.
await runCiStep(azurePlatform(), () => readInputs(), saveState);
