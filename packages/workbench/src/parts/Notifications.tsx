import { Icon } from '@repertoire/icons';
import { useServices, useValue } from '../shell/context.tsx';

const ICON = { info: 'info', warning: 'alert-triangle', error: 'alert-circle' } as const;

/** Toasts in the bottom right corner; errors stay until closed. */
export function Notifications() {
  const services = useServices();
  const items = useValue(services.notifications.items).filter((n) => n.visible);
  return (
    <section className="rp-toasts" aria-label="Notifications" aria-live="polite">
      {items.slice(-4).map((n) => (
        <div
          key={n.id}
          className="rp-toast"
          data-severity={n.severity}
          role={n.severity === 'error' ? 'alert' : 'status'}
        >
          <Icon name={ICON[n.severity]} className="rp-toast-icon" />
          <div className="rp-toast-body">
            <p>{n.message}</p>
            {n.detail ? <p className="rp-toast-detail">{n.detail}</p> : null}
            {n.progress ? (
              <>
                <div
                  className="rp-progress"
                  role="progressbar"
                  aria-label={n.message}
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(n.progress.percent)}
                  {...(n.progress.step ? { 'aria-valuetext': n.progress.step } : {})}
                >
                  <div className="rp-progress-bar" style={{ width: `${n.progress.percent}%` }} />
                </div>
                {n.progress.step ? <p className="rp-toast-detail">{n.progress.step}</p> : null}
                {n.progress.cancel ? (
                  <div className="rp-toast-actions">
                    <button
                      type="button"
                      className="rp-button rp-button-secondary"
                      onClick={n.progress.cancel}
                    >
                      Cancel
                    </button>
                  </div>
                ) : null}
              </>
            ) : null}
            {n.actions?.length ? (
              <div className="rp-toast-actions">
                {n.actions.map((a) => (
                  <button
                    key={a.label}
                    type="button"
                    className="rp-button rp-button-secondary"
                    onClick={() => {
                      services.notifications.hide(n.id);
                      a.run();
                    }}
                  >
                    {a.label}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          <button
            type="button"
            className="rp-icon-button"
            aria-label="Close notification"
            onClick={() => services.notifications.hide(n.id)}
          >
            <Icon name="x" size={14} />
          </button>
        </div>
      ))}
    </section>
  );
}
