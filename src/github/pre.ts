import '../bundle/commonjs-globals.js';
import { readWarmInputs } from '../adapters/input-source.js';
import { runCiWarm } from '../adapters/run-ci-warm.js';
import { githubRunJobId } from '../adapters/run-job-id.js';
import { githubInputs } from './input-source.js';
import { githubPlatform } from './platform.js';

// action.yml's pre step: at the start of the job, with the step's inputs, before checkout. With
// warm: true it starts pulling the image in the background; otherwise it does nothing. The post
// step finds the pull from the inputs, as it finds the job.
await runCiWarm(githubPlatform(), () => readWarmInputs(githubInputs, githubRunJobId(process.env)));
