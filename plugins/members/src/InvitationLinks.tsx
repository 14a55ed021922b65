import { Icon } from '@repertoire/icons';
import type { InvitationLinkInfo, MemberInfo, PluginContext } from '@repertoire/plugin-api';
import { useCallback, useEffect, useState } from 'react';
import { copyText } from './inviteFlow.ts';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The owner's invitation links that can still be used: for whom (role), until when, how many
 * more people can join with each, who made it; copy one again, or revoke it at once. `version`
 * changes whenever the members or their links changed, so the list follows.
 */
export function InvitationLinks(props: {
  plugin: PluginContext;
  version: number;
  members: readonly MemberInfo[];
}) {
  const { members, window } = props.plugin;
  const [links, setLinks] = useState<InvitationLinkInfo[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    members.invitations().then(
      (list) => {
        setLinks(list);
        setError(undefined);
      },
      (e: Error) => setError(`Could not read the invitation links: ${e.message}`),
    );
  }, [members]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger
  useEffect(load, [load, props.version]);

  const nameOf = (userId: string) => {
    const m = props.members.find((x) => x.userId === userId);
    return m?.you ? 'you' : (m?.name ?? 'a former member');
  };
  const copy = async (link: InvitationLinkInfo) => {
    if (await copyText(link.url))
      await window.showNotification(
        `The ${link.role} link is copied: paste it to whom you invite.`,
      );
    else
      await window.showInputBox({
        title: 'Copy this invitation link (the browser did not let us copy it)',
        value: link.url,
      });
  };
  const revoke = async (link: InvitationLinkInfo) => {
    try {
      await members.revokeInvitation(link.token);
      void window.showNotification(
        `The ${link.role} link is revoked: nobody can join with it now.`,
      );
    } catch (e) {
      void window.showNotification(
        `Could not revoke the invitation link: ${(e as Error).message}`,
        { severity: 'error' },
      );
      load();
    }
  };

  return (
    <section className="rp-invitations" aria-labelledby="rp-invitations-title">
      <h3 id="rp-invitations-title" className="rp-invitations-title">
        Invitation links
      </h3>
      {error ? <p className="rp-empty rp-error">{error}</p> : null}
      {!links && !error ? <p className="rp-empty">Loading invitation links…</p> : null}
      {links?.length === 0 ? (
        <p className="rp-empty">
          No open invitation links. “Invite people” makes one for an editor or a viewer.
        </p>
      ) : null}
      <ul className="rp-invitation-list" aria-label="Invitation links">
        {links?.map((link) => (
          <li key={link.token} className="rp-invitation" data-token={link.token}>
            <span className="rp-invitation-text">
              <span className="rp-role" data-role={link.role}>
                {link.role}
              </span>{' '}
              <span className="rp-invitation-status">
                Open: {link.usesLeft} {link.usesLeft === 1 ? 'use' : 'uses'} left, until{' '}
                {DATE.format(new Date(link.expiresAt))}
              </span>
              <span className="rp-muted rp-invitation-by">made by {nameOf(link.createdBy)}</span>
            </span>
            <span className="rp-invitation-actions">
              <button
                type="button"
                className="rp-icon-button"
                aria-label={`Copy the ${link.role} link`}
                title="Copy link"
                onClick={() => void copy(link)}
              >
                <Icon name="copy" size={14} />
              </button>
              <button
                type="button"
                className="rp-icon-button"
                aria-label={`Revoke the ${link.role} link`}
                title="Revoke: nobody can join with it any more"
                onClick={() => void revoke(link)}
              >
                <Icon name="trash" size={14} />
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
