// The Node-only entry of the plugin host (`@repertoire/plugin-host/node`): kept apart from the main
// entry so browser bundles never see `node:worker_threads`.
export { createNodeSandbox } from './sandbox/nodeSandbox.ts';
