import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { Disposable } from '../services/disposable.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';

const ServicesContext = createContext<WorkbenchServices | null>(null);

/** Makes the services available to every part of the shell. */
export function ServicesProvider(props: { services: WorkbenchServices; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={props.services}>{props.children}</ServicesContext.Provider>
  );
}

/** The workbench services; throws outside a `ServicesProvider`. */
export function useServices(): WorkbenchServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a <ServicesProvider> above it');
  return services;
}

/** Subscribes a component to anything with `onDidChange` and a snapshot getter. */
export function useObservable<T>(
  source: { onDidChange(listener: () => void): Disposable },
  read: () => T,
): T {
  return useSyncExternalStore(
    (listener) => {
      const d = source.onDidChange(listener);
      return () => d.dispose();
    },
    read,
    read,
  );
}

/** Subscribes to a registry's items. */
export function useRegistry<T>(registry: {
  onDidChange(listener: () => void): Disposable;
  all(): readonly T[];
}): readonly T[] {
  return useObservable(registry, () => registry.all());
}

/** Subscribes to an ObservableValue. */
export function useValue<T>(value: { onDidChange(listener: () => void): Disposable; get(): T }): T {
  return useObservable(value, () => value.get());
}
