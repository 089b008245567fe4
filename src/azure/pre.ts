import '../bundle/commonjs-globals.js';
import { readWarmInputs } from '../adapters/input-source.js';
import { runCiWarm } from '../adapters/run-ci-warm.js';
import { azureRunJobId } from '../adapters/run-job-id.js';
import { azureInputs } from './input-source.js';
import { azurePlatform } from './platform.js';
import { saveWarmOwner } from './state.js';

// task.json's prejobexecution handler: at the start of the job, with the task's inputs, before
// checkout. With warm: true it starts pulling the image in the background; otherwise it does
// nothing. It saves the job in a task variable, for the post-job handler to stop the pull.
await runCiWarm(
  azurePlatform(),
  () => readWarmInputs(azureInputs, azureRunJobId(process.env)),
  saveWarmOwner,
);
