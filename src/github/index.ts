import '../bundle/commonjs-globals.js';
import { main } from './main.js';
import { post } from './post.js';
import { isPost } from './state.js';

// One bundle serves both steps of action.yml: main saves the isPost state, so the post step of
// the same action instance sees it.
await (isPost() ? post() : main());
