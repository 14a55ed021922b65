import { Icon } from '@repertoire/icons';
import { formatChord } from '../services/keybindings.ts';
import { useRegistry, useServices } from '../shell/context.tsx';

/** What the editor area shows when nothing is open: what to do next, with the keys for it. */
export function Welcome() {
  const services = useServices();
  // Re-render when keybindings arrive, so the keys show beside each action.
  useRegistry(services.keybindings);
  const hint = (command: string, label: string, icon: string) => {
    const key = services.keybindings.keyForCommand(command);
    return (
      <li>
        <button
          type="button"
          className="rp-welcome-action"
          onClick={() => services.commands.execute(command)}
        >
          <Icon name={icon} />
          <span>{label}</span>
          {key ? <kbd>{formatChord(key)}</kbd> : null}
        </button>
      </li>
    );
  };
  return (
    <div className="rp-welcome">
      <div className="rp-welcome-mark" aria-hidden="true">
        <Icon name="sparkles" size={48} />
      </div>
      <h1>Repertoire</h1>
      <p>
        Your community's shared repertoire: its members, problems of practice, practices and
        artifacts.
      </p>
      <ul>
        {hint('workbench.quickOpen', 'Go to a member, practice or artifact', 'search')}
        {hint('workbench.showCommands', 'Show all commands', 'command')}
        {hint('workbench.toggleSidebar', 'Show or hide the side bar', 'panel-left')}
        {hint('workbench.togglePanel', 'Show or hide the panel', 'panel-bottom')}
      </ul>
    </div>
  );
}
