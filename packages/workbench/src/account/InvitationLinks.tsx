import { Icon } from '@repertoire/icons';
import type { InvitationInfo, Member } from '@repertoire/sync';
import { useCallback, useEffect, useState } from 'react';
import { useCommunity } from '../community/communityContext.tsx';
import { useServices } from '../shell/context.tsx';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The link as a member opens it, on this page's origin when the server gave a path. */
const absolute = (url: string) => (url.startsWith('http') ? url : `${location.origin}${url}`);

/**
 * The owner's list of invitation links that can still be used: for whom (role), until when, how
 * many more people can join with each, who made it; copy one again, or revoke it at once.
 * `version` changes whenever a link was just made, so the list follows.
 */
export function InvitationLinks(props: { version: number; members: readonly Member[] }) {
  const services = useServices();
  const { session } = useCommunity();
  const [links, setLinks] = useState<InvitationInfo[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    session.api.invitations(session.summary.id).then(
      (list) => {
        setLinks(list);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
  }, [session]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger
  useEffect(load, [load, props.version]);

  const nameOf = (userId: string) =>
    userId === session.user.id
      ? 'you'
      : (props.members.find((m) => m.userId === userId)?.name ?? 'a former member');
  const copy = async (link: InvitationInfo) => {
    try {
      await navigator.clipboard.writeText(absolute(link.url));
      services.notifications.info(`The ${link.role} link is copied: paste it to whom you invite.`);
    } catch {
      await services.quickInput.input({
        title: 'Copy this invitation link (the browser did not let us copy it)',
        value: absolute(link.url),
      });
    }
  };
  const revoke = async (link: InvitationInfo) => {
    try {
      await session.api.revokeInvitation(session.summary.id, link.token);
      services.notifications.info(`The ${link.role} link is revoked: nobody can join with it now.`);
    } catch (e) {
      services.notifications.error('Could not revoke the invitation link', (e as Error).message);
    }
    load();
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
                onClick={() => copy(link)}
              >
                <Icon name="copy" size={14} />
              </button>
              <button
                type="button"
                className="rp-icon-button"
                aria-label={`Revoke the ${link.role} link`}
                title="Revoke: nobody can join with it any more"
                onClick={() => revoke(link)}
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
