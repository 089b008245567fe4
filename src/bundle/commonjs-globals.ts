import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The bundle is an ES module, but some CommonJS code inside it (ssh2, which dockerode loads for
// ssh:// Docker hosts) reads __dirname while loading. Imported first by every entry point.
const globals = globalThis as { __dirname?: string; __filename?: string };
globals.__filename ??= fileURLToPath(import.meta.url);
globals.__dirname ??= path.dirname(globals.__filename);
