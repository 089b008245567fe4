#!/usr/bin/env node
import './commonjs-globals.js';
import { runCli } from './main.js';

process.exitCode = await runCli(process.argv.slice(2));
