// The only script of a webview frame (an opaque-origin iframe under a strict CSP; see
// webviewFrame.ts). Classic, like frameBoot.js, so the opaque frame may load it from the app. It
// waits for the host's start message, then renders the plugin's content: markup into the body,
// styles into a <style>, the script as a blob: URL of the frame's own origin (inline scripts in the
// markup never run). The view's script talks to its plugin through `window.repertoireWebview`.

addEventListener('message', function start(event) {
  const data = event.data;
  if (event.source !== parent || !data || data.type !== 'repertoire.webview.start') return;
  removeEventListener('message', start);
  const port = event.ports[0];
  let listeners = new Set();
  // The view's saved state (VS Code's getState/setState): the host keeps it across hide and show.
  let state = data.state ?? undefined;
  Object.defineProperty(window, 'repertoireWebview', {
    value: Object.freeze({
      getState() {
        return state === undefined ? undefined : JSON.parse(JSON.stringify(state));
      },
      setState(next) {
        state = next === undefined || next === null ? undefined : next;
        port.postMessage({ type: 'state', data: next ?? null });
        return next;
      },
      postMessage(message) {
        port.postMessage({ type: 'message', data: message });
      },
      onMessage(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
  });
  addEventListener('error', (error) => {
    port.postMessage({ type: 'error', message: String(error.message || error) });
  });
  addEventListener('unhandledrejection', (error) => {
    port.postMessage({ type: 'error', message: String(error.reason?.message ?? error.reason) });
  });
  const theme = document.createElement('style');
  const styles = document.createElement('style');
  document.head.append(theme, styles);
  let script;

  const setTheme = (variables) => {
    theme.textContent = `:root{${Object.entries(variables || {})
      .map(([name, value]) => `${name}:${value}`)
      .join(';')}}`;
  };
  const render = (content) => {
    listeners = new Set();
    styles.textContent = content.css || '';
    document.body.innerHTML = content.html;
    if (script) {
      URL.revokeObjectURL(script.src);
      script.remove();
      script = undefined;
    }
    if (content.script) {
      script = document.createElement('script');
      script.src = URL.createObjectURL(new Blob([content.script], { type: 'text/javascript' }));
      document.body.append(script);
    }
  };

  port.onmessage = (message) => {
    const m = message.data;
    if (m.type === 'content') render(m.content);
    else if (m.type === 'theme') setTheme(m.variables);
    else if (m.type === 'message')
      for (const listener of listeners) {
        try {
          listener(m.data);
        } catch (error) {
          port.postMessage({ type: 'error', message: String(error?.message ?? error) });
        }
      }
  };
  setTheme(data.theme);
  if (data.content) render(data.content);
  // The host may size the frame to its content (a home section); it ignores this otherwise.
  let lastHeight = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    port.postMessage({ type: 'height', value: height });
  }).observe(document.documentElement);
});
