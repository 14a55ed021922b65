export { hasIcon, Icon, iconNames } from './Icon.tsx';
