#!/usr/bin/env node
import { createProgram } from './program.ts';

createProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    console.error(`repertoire: ${(error as Error).message}`);
    process.exitCode = 1;
  });
