#!/usr/bin/env node
import '../bundle/commonjs-globals.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
