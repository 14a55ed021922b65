import type { CustomViewContext, CustomViewElement, PluginContext } from '@repertoire/plugin-api';
import { mountGrowth } from './mountGrowthPage.tsx';

/** The home page's section (`growth.home`). */
export const mountGrowthHome = (element: CustomViewElement, view: CustomViewContext, context: PluginContext) =>
  mountGrowth(element, view, context, true);
