import {
  createWorkbenchServices,
  localSettingsStorage,
  registerShellContributions,
  Workbench,
} from '@repertoire/workbench';
import { useEffect, useMemo } from 'react';

/** The app: the workbench with the shell's own contributions. */
export function App() {
  const services = useMemo(
    () => createWorkbenchServices({ settingsStorage: localSettingsStorage() }),
    [],
  );
  useEffect(() => {
    const d = registerShellContributions(services);
    return () => d.dispose();
  }, [services]);
  return <Workbench services={services} />;
}
