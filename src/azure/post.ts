import '../bundle/commonjs-globals.js';
import { runCiPost } from '../adapters/run-ci-post.js';
import { azurePlatform } from './platform.js';
import { readState, readWarmOwner } from './state.js';

// task.json's postjobexecution handler: runs after every task of the job, in reverse order.
// Unlike GitHub's post step it derives no job when no task variable was saved: the agent runs it
// also for a task a condition skipped, which must not remove the clones of other tasks. Main sets
// the task variable (a line on stdout, read by the agent) before it makes anything. The
// prejobexecution handler saves the job of a warm pull it started, so that it is stopped even
// when the execution handler never ran.
await runCiPost(azurePlatform(), readState(), undefined, readWarmOwner());
