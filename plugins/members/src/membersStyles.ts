/**
 * The Members view's CSS, scoped to its own classes; colours and sizes come from the workbench's
 * theme variables (`--rp-*`), so it follows the light and dark themes. The shared `.rp-role`
 * badge, `.rp-avatar` and buttons are the workbench's.
 */
export const MEMBERS_CSS = `
.rp-members-invite {
  padding: 0 var(--rp-space-3) var(--rp-space-3);
}
.rp-member-list {
  list-style: none;
  margin: 0;
  padding: 0;
}
.rp-member {
  display: flex;
  align-items: center;
  gap: var(--rp-space-2);
  padding: 6px var(--rp-space-3);
}
.rp-member:hover {
  background: var(--rp-bg-hover);
}
.rp-member-list .rp-member .rp-avatar {
  width: 28px;
  height: 28px;
  border-color: var(--rp-bg-sidebar);
}
.rp-online {
  position: absolute;
  right: -2px;
  bottom: -2px;
  width: 10px;
  height: 10px;
  border-radius: 50%;
  background: var(--rp-success);
  border: 2px solid var(--rp-bg-sidebar);
}
.rp-member-name {
  display: flex;
  flex-direction: column;
  min-width: 0;
  flex: 1;
  line-height: 1.3;
}
.rp-member-email {
  font-size: 11px;
  color: var(--rp-fg-faint);
  overflow: hidden;
  text-overflow: ellipsis;
}
.rp-role-select {
  font-size: 12px;
  border: 1px solid var(--rp-border);
  border-radius: var(--rp-radius);
  background: var(--rp-bg-input);
  padding: 2px 4px;
}

/* The owner's invitation links, under the Members view's list. */
.rp-invitations {
  border-top: 1px solid var(--rp-border);
  margin-top: var(--rp-space-3);
  padding-top: var(--rp-space-2);
}
.rp-invitations-title {
  font-size: 11px;
  font-weight: 600;
  letter-spacing: 0.04em;
  text-transform: uppercase;
  margin: 0;
  padding: var(--rp-space-2) var(--rp-space-3);
  color: var(--rp-fg-muted);
}
.rp-invitation-list {
  list-style: none;
  margin: 0;
  padding: 0;
}
.rp-invitation {
  display: flex;
  align-items: center;
  gap: var(--rp-space-2);
  padding: 6px var(--rp-space-3);
}
.rp-invitation-text {
  display: flex;
  flex: 1;
  flex-wrap: wrap;
  gap: 2px var(--rp-space-2);
  min-width: 0;
  font-size: 12px;
}
.rp-invitation-by {
  width: 100%;
}
.rp-invitation-actions {
  display: flex;
  gap: 2px;
}
`;
