/**
 * The welcome pages' CSS (the empty editor area's and the newcomer's), scoped to their own
 * classes; colours and sizes come from the workbench's theme variables (`--rp-*`).
 */
export const WELCOME_CSS = `
.rp-welcome-view {
  height: 100%;
  overflow: auto;
}
.rp-welcome {
  min-height: 100%;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
  align-items: center;
  justify-content: center;
  gap: var(--rp-space-2);
  color: var(--rp-fg-muted);
  text-align: center;
  padding: var(--rp-space-8);
}
.rp-welcome h1 {
  margin: 0;
  font-size: 26px;
  font-weight: 600;
  color: var(--rp-fg);
  letter-spacing: -0.01em;
}
.rp-welcome p {
  margin: 0 0 var(--rp-space-4);
  max-width: 440px;
}
.rp-welcome-mark {
  color: var(--rp-accent);
  opacity: 0.85;
}
.rp-welcome ul {
  list-style: none;
  margin: 0;
  padding: 0;
  display: grid;
  gap: 2px;
  min-width: 360px;
}
.rp-welcome-action {
  display: flex;
  align-items: center;
  gap: var(--rp-space-3);
  width: 100%;
  padding: var(--rp-space-2) var(--rp-space-3);
  border: 0;
  border-radius: var(--rp-radius);
  background: none;
  color: var(--rp-fg);
  text-align: left;
}
.rp-welcome-action:hover {
  background: var(--rp-bg-hover);
}
.rp-welcome-action kbd {
  margin-left: auto;
}
.rp-joined h1 {
  font-size: 28px;
}
.rp-joined p {
  max-width: 520px;
}
.rp-joined .rp-joined-subtitle {
  margin: 0;
  font-size: 13px;
  font-weight: 600;
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--rp-fg-muted);
}
.rp-joined ul {
  min-width: 420px;
}
`;
