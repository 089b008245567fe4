import '../bundle/commonjs-globals.js';
import { runCiPost, runCiStep } from '../adapters/run-ci-step.js';
import { readInputs } from './inputs.js';
import { githubPlatform } from './platform.js';
import { isPost, markMainStarted, readState, saveState } from './state.js';

// One bundle serves both steps of action.yml: main marks the state first thing, so the post
// step of the same action instance knows it is the post step.
if (isPost()) {
  await runCiPost(githubPlatform(), readState());
} else {
  markMainStarted();
  await runCiStep(githubPlatform(), () => readInputs(), saveState);
}
