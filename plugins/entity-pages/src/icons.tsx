// The one icon map the shell and every plugin share (@repertoire/icons).
export { hasIcon, Icon } from '@repertoire/icons';
