import { Icon } from '@repertoire/icons';
import { useRegistry, useServices } from '../shell/context.tsx';

/** Icon buttons for commands in a view's header. */
export function ViewActions(props: { commands: readonly string[] }) {
  const services = useServices();
  const commands = useRegistry(services.commands);
  return (
    <div className="rp-view-actions" role="toolbar">
      {props.commands.map((id) => {
        const command = commands.find((c) => c.id === id);
        if (!command) return null;
        const key = services.keybindings.keyForCommand(id);
        return (
          <button
            key={id}
            type="button"
            className="rp-icon-button"
            title={command.title}
            aria-label={command.title}
            disabled={command.enabled ? !command.enabled() : false}
            data-key={key}
            onClick={() => services.commands.execute(id)}
          >
            <Icon name={command.icon ?? 'circle'} />
          </button>
        );
      })}
    </div>
  );
}
