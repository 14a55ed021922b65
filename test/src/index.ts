export { type BenchFigure, type BenchReport, percentile, under } from './bench.ts';
export { type BuiltPage, type BuiltPageOptions, serveBuiltPage } from './builtPage.ts';
export { type Browser, CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from './chromium.ts';
export { freePort, waitForPort } from './ports.ts';
export { type PostgresServer, startPostgres, startPostgresRetrying } from './postgres.ts';
export { type RedisServer, startRedis } from './redis.ts';
export { type ServiceProcess, startProcess } from './serviceProcess.ts';
export { type TempDir, tempDir } from './tempDir.ts';
