import '../bundle/commonjs-globals.js';
import { runCiPost } from '../adapters/run-ci-post.js';
import { readPostStateFromInputs } from './input-source.js';
import { githubPlatform } from './platform.js';
import { readState } from './state.js';

// action.yml's post step (post-if: always()): the runner runs it whenever main started, also when
// main was killed before it saved its state; then the job's clones are found from the inputs and
// the run, as main derived them.
await runCiPost(githubPlatform(), readState(), readPostStateFromInputs);
