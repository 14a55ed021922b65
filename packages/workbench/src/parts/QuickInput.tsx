import { Icon } from '@repertoire/icons';
import { Command as Cmdk } from 'cmdk';
import { useEffect, useState } from 'react';
import { useServices, useValue } from '../shell/context.tsx';
import { Overlay } from './Palette.tsx';

/** Renders the quick input service's current request: a pick list or an input box. */
export function QuickInput() {
  const services = useServices();
  const request = useValue(services.quickInput.current);
  const [value, setValue] = useState('');
  useEffect(() => setValue(request?.type === 'input' ? (request.value ?? '') : ''), [request]);
  if (!request) return null;
  const cancel = () => services.quickInput.cancel();
  if (request.type === 'pick')
    return (
      <Overlay onClose={cancel} label={request.title ?? 'Pick one'}>
        <Cmdk label={request.title ?? 'Pick one'} loop>
          {request.title ? <div className="rp-palette-title">{request.title}</div> : null}
          <Cmdk.Input autoFocus placeholder={request.placeholder} className="rp-palette-input" />
          <Cmdk.List className="rp-palette-list">
            <Cmdk.Empty className="rp-empty">Nothing matches.</Cmdk.Empty>
            {request.items.map((item, i) => (
              <Cmdk.Item
                // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
                key={i}
                value={`${item.label} ${item.description ?? ''} #${i}`}
                className="rp-palette-item"
                onSelect={() => request.resolve(i)}
              >
                {item.icon ? <Icon name={item.icon} size={14} /> : null}
                <span className="rp-palette-label">{item.label}</span>
                {item.description ? (
                  <span className="rp-palette-desc">{item.description}</span>
                ) : null}
              </Cmdk.Item>
            ))}
          </Cmdk.List>
        </Cmdk>
      </Overlay>
    );
  const error = request.validate?.(value);
  return (
    <Overlay onClose={cancel} label={request.title ?? 'Input'}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!error) request.resolve(value);
        }}
      >
        {request.title ? <div className="rp-palette-title">{request.title}</div> : null}
        <input
          // biome-ignore lint/a11y/noAutofocus: the box exists to be typed into at once
          autoFocus
          className="rp-palette-input"
          aria-label={request.title ?? 'Input'}
          aria-invalid={error ? true : undefined}
          placeholder={request.placeholder}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <p className={error ? 'rp-input-hint rp-error' : 'rp-input-hint'}>
          {error ?? 'Press Enter to confirm or Escape to cancel.'}
        </p>
      </form>
    </Overlay>
  );
}
