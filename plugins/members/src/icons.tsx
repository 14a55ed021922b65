// The one icon map the shell and every plugin share (@repertoire/icons).
export { Icon } from '@repertoire/icons';
