import { Icon } from '@repertoire/icons';
import { Command as Cmdk, defaultFilter } from 'cmdk';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Command } from '../services/commands.ts';
import { formatChord } from '../services/keybindings.ts';
import type { QuickOpenItem, QuickOpenProvider } from '../services/quickOpen.ts';
import { useRegistry, useServices, useValue } from '../shell/context.tsx';
import { CommandHistory } from './commandHistory.ts';

/**
 * The command palette (Ctrl/Cmd+Shift+P) and quick open (Ctrl/Cmd+P) in one overlay, as in VS
 * Code: typing `>` in quick open switches to commands, deleting it switches back.
 */
export function Palette() {
  const services = useServices();
  const layout = useValue(services.layout.state);
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (layout.overlay === 'commands') setQuery('>');
    else if (layout.overlay === 'quickOpen') setQuery('');
  }, [layout.overlay]);
  if (!layout.overlay) return null;
  const close = () => services.layout.setOverlay(undefined);
  const commandMode = query.startsWith('>');
  return (
    <Overlay onClose={close} label={commandMode ? 'Command palette' : 'Go to'}>
      <Cmdk
        label={commandMode ? 'Command palette' : 'Quick open'}
        shouldFilter={commandMode}
        filter={paletteFilter}
        loop
      >
        <Cmdk.Input
          autoFocus
          value={query}
          onValueChange={setQuery}
          placeholder={
            commandMode
              ? 'Type a command…'
              : 'Search members, practices, artifacts… (type > for commands)'
          }
          className="rp-palette-input"
        />
        <Cmdk.List className="rp-palette-list">
          {commandMode ? (
            <CommandItems close={close} />
          ) : (
            <QuickOpenItems query={query} close={close} />
          )}
        </Cmdk.List>
      </Cmdk>
    </Overlay>
  );
}

// One history per page: the palette remounts on every opening, the history must not.
let history: CommandHistory | undefined;
const commandHistory = () => {
  history ??= new CommandHistory();
  return history;
};

function CommandItems(props: { close: () => void }) {
  const services = useServices();
  const commands = useRegistry(services.commands);
  const { recent, rest } = useMemo(
    () => commandHistory().order(commands.filter((c) => !c.enabled || c.enabled())),
    [commands],
  );
  const item = (c: Command, group: string) => {
    const key = services.keybindings.keyForCommand(c.id);
    const label = c.category ? `${c.category}: ${c.title}` : c.title;
    return (
      <Cmdk.Item
        key={`${group}:${c.id}`}
        value={`> ${label} ${c.id}`}
        className="rp-palette-item"
        onSelect={() => {
          props.close();
          commandHistory().record(c.id);
          services.commands.execute(c.id).catch(() => undefined);
        }}
      >
        <Icon name={c.icon ?? 'command'} size={14} />
        <span className="rp-palette-label">
          {c.category ? <span className="rp-palette-category">{c.category}: </span> : null}
          {c.title}
        </span>
        {key ? <kbd>{formatChord(key)}</kbd> : null}
      </Cmdk.Item>
    );
  };
  return (
    <>
      <Cmdk.Empty className="rp-empty">No command matches.</Cmdk.Empty>
      {recent.length > 0 ? (
        <Cmdk.Group heading="Recently used" className="rp-palette-group">
          {recent.map((c) => item(c, 'recent'))}
        </Cmdk.Group>
      ) : null}
      <Cmdk.Group
        heading={recent.length > 0 ? 'All commands' : undefined}
        className="rp-palette-group"
      >
        {rest.map((c) => item(c, 'all'))}
      </Cmdk.Group>
    </>
  );
}

function QuickOpenItems(props: { query: string; close: () => void }) {
  const services = useServices();
  const providers = useRegistry(services.quickOpen);
  const query = props.query.trim();
  // Providers answer asynchronously (plugins, some in a Worker): the last answer stays until the
  // next one arrives, so results do not flicker while the member types.
  const [answer, setAnswer] = useState<{ query: string; groups: QuickOpenGroup[] }>();
  useEffect(() => {
    let live = true;
    void Promise.all(
      providers.map(async (provider) => ({
        provider,
        items: await Promise.resolve(provider.search(query, 50)).catch((error: unknown) => {
          console.warn(`Quick open provider ${provider.id} failed:`, error);
          return [];
        }),
      })),
    ).then((groups) => {
      if (live) setAnswer({ query, groups });
    });
    return () => {
      live = false;
    };
  }, [providers, query]);
  const groups = answer?.groups ?? [];
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  return (
    <>
      {total === 0 && answer?.query === query ? (
        <div className="rp-empty">
          {query ? 'Nothing matches. ' : 'Start typing a name. '}Type <kbd>&gt;</kbd> to run a
          command.
        </div>
      ) : null}
      {groups.map(({ provider, items }) =>
        items.length === 0 ? null : (
          <Cmdk.Group key={provider.id} heading={provider.title} className="rp-palette-group">
            {items.map((item) => (
              <Cmdk.Item
                key={item.id}
                value={item.id}
                className="rp-palette-item"
                onSelect={() => {
                  props.close();
                  item.run();
                }}
              >
                <Icon name={item.icon ?? 'file-text'} size={14} />
                <span className="rp-palette-label">{item.label}</span>
                {item.description ? (
                  <span className="rp-palette-desc">{item.description}</span>
                ) : null}
              </Cmdk.Item>
            ))}
          </Cmdk.Group>
        ),
      )}
    </>
  );
}

/** One provider's answer to the query. */
interface QuickOpenGroup {
  readonly provider: QuickOpenProvider;
  readonly items: readonly QuickOpenItem[];
}

/**
 * cmdk's scoring without the leading `>` (the mode switch): with nothing typed after it every
 * command scores alike, so the palette keeps its own order (recent, most used, then the rest).
 */
function paletteFilter(value: string, search: string, keywords?: string[]): number {
  const query = search.replace(/^>\s*/, '');
  return query ? defaultFilter(value.replace(/^>\s*/, ''), query, keywords) : 1;
}

/** A modal box near the top of the window; Escape or a click outside closes it. */
export function Overlay(props: { onClose: () => void; label: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<Element | null>(null);
  useEffect(() => {
    returnFocus.current = document.activeElement;
    return () => (returnFocus.current as HTMLElement | null)?.focus?.();
  }, []);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop only closes the dialog; the dialog inside is keyboard-operable
    <div
      className="rp-overlay-backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && props.onClose()}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <div
        ref={ref}
        className="rp-palette"
        role="dialog"
        aria-modal="true"
        aria-label={props.label}
      >
        {props.children}
      </div>
    </div>
  );
}
