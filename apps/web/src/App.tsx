import { ApiClient } from '@repertoire/sync';
import { RepertoireApp } from '@repertoire/workbench';
import { setupPlugins } from './plugins.ts';

const api = new ApiClient();

/** The web app: the workbench over the server on this page's origin, with the built-in plugins. */
export function App() {
  return <RepertoireApp api={api} setup={setupPlugins} />;
}
