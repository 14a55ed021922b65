import { useEffect } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { ActivityBar } from '../parts/ActivityBar.tsx';
import { BottomPanel } from '../parts/BottomPanel.tsx';
import { EditorArea } from '../parts/EditorArea.tsx';
import { Notifications } from '../parts/Notifications.tsx';
import { Palette } from '../parts/Palette.tsx';
import { QuickInput } from '../parts/QuickInput.tsx';
import { SideBar } from '../parts/SideBar.tsx';
import { StatusBar } from '../parts/StatusBar.tsx';
import { chordOf } from '../services/keybindings.ts';
import type { WorkbenchServices } from '../services/workbenchServices.ts';
import { ServicesProvider, useObservable, useServices, useValue } from './context.tsx';

/** The whole workbench: activity bar, side bar, editor area, panel, status bar and overlays. */
export function Workbench(props: { services: WorkbenchServices; banner?: React.ReactNode }) {
  return (
    <ServicesProvider services={props.services}>
      <Theme />
      <KeybindingDispatcher />
      <div className="rp-workbench">
        {props.banner}
        <div className="rp-main">
          <ActivityBar />
          <Layout />
        </div>
        <StatusBar />
      </div>
      <Palette />
      <QuickInput />
      <Notifications />
    </ServicesProvider>
  );
}

function Layout() {
  const services = useServices();
  const layout = useValue(services.layout.state);
  return (
    <Group orientation="horizontal" className="rp-layout">
      {layout.sidebarVisible ? (
        <>
          <Panel id="sidebar" defaultSize="22%" minSize="160px" maxSize="50%">
            <SideBar />
          </Panel>
          <Separator className="rp-sash rp-sash-v" />
        </>
      ) : null}
      <Panel id="main" minSize="30%">
        <Group orientation="vertical">
          <Panel id="editors" minSize="20%">
            <main className="rp-editor-area" aria-label="Editor area">
              <EditorArea />
            </main>
          </Panel>
          {layout.panelVisible ? (
            <>
              <Separator className="rp-sash rp-sash-h" />
              <Panel id="panel" defaultSize="30%" minSize="80px">
                <BottomPanel />
              </Panel>
            </>
          ) : null}
        </Group>
      </Panel>
    </Group>
  );
}

/** Applies the colour theme and density settings to the document root. */
function Theme() {
  const { settings } = useServices();
  const theme = useObservable({ onDidChange: (l) => settings.onDidChangeValue(l) }, () =>
    settings.value<string>('workbench.colorTheme', 'system'),
  );
  const density = useObservable({ onDidChange: (l) => settings.onDidChangeValue(l) }, () =>
    settings.value<string>('workbench.density', 'comfortable'),
  );
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      document.documentElement.dataset.theme =
        theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
  useEffect(() => {
    document.documentElement.dataset.density = density;
  }, [density]);
  return null;
}

/** Runs the command bound to each key chord pressed anywhere in the window. */
function KeybindingDispatcher() {
  const services = useServices();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // The shortcut recorder takes every key for itself.
      if ((event.target as HTMLElement | null)?.closest?.('.rp-key-button')) return;
      const chord = chordOf(event);
      // Plain typing never triggers a binding; only chords and function keys do.
      if (!/(mod|ctrl|alt)\+|^f\d+$/.test(chord)) return;
      const binding = services.keybindings.resolve(chord);
      if (!binding) return;
      event.preventDefault();
      event.stopPropagation();
      services.commands.execute(binding.command, ...(binding.args ?? [])).catch(() => undefined);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [services]);
  return null;
}
