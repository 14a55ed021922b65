// One sync server in its own process for server.bench.ts, so its memory can be measured alone:
// `node server-peer.ts <repertoire|repertoire-postgres|hocuspocus|y-websocket> <port> <dataDir> [databaseUrl]`.
// Prints one JSON line once listening: { pid, tokens?, workspaceId? } (a token per member).
// Each kind imports only its own modules, so no process loads two copies of Yjs.
// Exit on SIGTERM through process.exit, so --cpu-prof can write its profile.
process.on('SIGTERM', () => process.exit(0));
// On SIGUSR2 (with --expose-gc): collect garbage and print the live heap, `{"heap": bytes}`, so the
// bench can price documents by what stays reachable rather than by RSS, which reuses freed pages.
process.on('SIGUSR2', () => {
  (globalThis as { gc?: () => void }).gc?.();
  console.log(JSON.stringify({ heap: process.memoryUsage().heapUsed }));
});

const [kind, portText, dataDir, databaseUrl] = process.argv.slice(2);
const port = Number(portText);
/** Members the benchmark's clients connect as: production limits allow 50 connections each. */
const MEMBERS = 30;

if (kind === 'repertoire' || kind === 'repertoire-postgres') {
  const { createRepertoireServer } = await import('@repertoire/server');
  const { pino } = await import('pino');
  if (kind === 'repertoire-postgres' && !databaseUrl)
    throw new Error('repertoire-postgres needs a URL');
  // Production limits: nothing raised for the benchmark (issue 14, item 16).
  const server = await createRepertoireServer({
    dataDir: dataDir as string,
    port,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    tokenLifetimeSeconds: 3600,
    ...(kind === 'repertoire-postgres' ? { databaseUrl } : {}),
  });
  const { accounts, workspaces, tokens } = server.services;
  const owner = await accounts.create({
    email: 'bench@example.org',
    name: 'Bench',
    password: 'bench password',
  });
  const workspace = await workspaces.create('Bench', owner.id);
  const members = [owner];
  for (let i = 1; i < MEMBERS; i++) {
    const member = await accounts.create({
      email: `bench${i}@example.org`,
      name: `Bench ${i}`,
      password: 'bench password',
    });
    await workspaces.accept(
      (await workspaces.invite(workspace.id, owner.id, { role: 'editor' })).token,
      member.id,
    );
    members.push(member);
  }
  await server.listen();
  // Tokens die with their session, so each member's token comes from a session of its own.
  const memberTokens: string[] = [];
  for (const member of members) {
    const session = await accounts.openSession(member.id);
    memberTokens.push((await tokens.issue(member.id, session.id)).token);
  }
  console.log(
    JSON.stringify({ pid: process.pid, tokens: memberTokens, workspaceId: workspace.id }),
  );
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
  console.error(
    `kind: '${kind}' is not repertoire, repertoire-postgres, hocuspocus or y-websocket`,
  );
  process.exit(2);
}
