// One sync server in its own process for server.bench.ts, so its memory can be measured alone:
// `node server-peer.ts <repertoire|hocuspocus|y-websocket> <port> <dataDir>`. Prints one JSON line
// once listening: { pid, token?, workspaceId? }.
// Each kind imports only its own modules, so no process loads two copies of Yjs.
// Exit on SIGTERM through process.exit, so --cpu-prof can write its profile.
process.on('SIGTERM', () => process.exit(0));
// On SIGUSR2 (with --expose-gc): collect garbage and print the live heap, `{"heap": bytes}`, so the
// bench can price documents by what stays reachable rather than by RSS, which reuses freed pages.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  console.log(JSON.stringify({ heap: process.memoryUsage().heapUsed }));
});

const [kind, portText, dataDir] = process.argv.slice(2);
const port = Number(portText);

if (kind === 'repertoire') {
  const { createRepertoireServer } = await import('@repertoire/server');
  const { pino } = await import('pino');
  const server = createRepertoireServer({
    dataDir: dataDir as string,
    port,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    tokenLifetimeSeconds: 3600,
    limits: {
      maxConnectionsPerUser: 100_000,
      messagesPerSecond: 1_000_000,
      requestsPerMinute: 1_000_000,
    },
  });
  const user = await server.services.accounts.create({
    email: 'bench@example.org',
    name: 'Bench',
    password: 'bench password',
  });
  const workspace = server.services.workspaces.create('Bench', user.id);
  await server.listen();
  // Tokens die with their session, so the benchmark's token comes from a session of its own.
  const session = server.services.accounts.openSession(user.id);
  const { token } = await server.services.tokens.issue(user.id, session.id);
  console.log(JSON.stringify({ pid: process.pid, token, workspaceId: workspace.id }));
} else if (kind === 'hocuspocus') {
  const { Server } = await import('@hocuspocus/server');
  // Plain Hocuspocus: no extensions, documents in memory only.
  const server = new Server({ port, address: '127.0.0.1', quiet: true });
  await server.listen();
  console.log(JSON.stringify({ pid: process.pid }));
} else if (kind === 'y-websocket') {
  const { createServer } = await import('node:http');
  const { WebSocketServer } = await import('ws');
  const { setupWSConnection } = await import('./server-ywebsocket.ts');
  const wss = new WebSocketServer({ noServer: true });
  const http = createServer((_req, res) => res.end('okay'));
  wss.on('connection', (ws, request) => setupWSConnection(ws, request.url ?? '/'));
  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve) => http.listen(port, '127.0.0.1', resolve));
  console.log(JSON.stringify({ pid: process.pid }));
} else {
  console.error(`kind: '${kind}' is not repertoire, hocuspocus or y-websocket`);
  process.exit(2);
}
