#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step, no global install.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv);
