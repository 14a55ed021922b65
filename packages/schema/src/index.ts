export * from './manifestExports.ts';
