export { createProgram } from './program.ts';
export { DEMO_ACCOUNT, seedSample } from './sample.ts';
