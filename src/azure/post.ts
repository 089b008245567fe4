import '../bundle/commonjs-globals.js';
import { runCiPost } from '../adapters/run-ci-step.js';
import { azurePlatform } from './platform.js';
import { readState } from './state.js';

// task.json's postjobexecution handler: runs after every task of the job, in reverse order.
await runCiPost(azurePlatform(), readState());
