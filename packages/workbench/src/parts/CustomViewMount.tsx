import { useEffect, useRef } from 'react';
import type { CustomView } from '../services/customViews.ts';

/** Mounts a custom view into a div the workbench owns, and unmounts it with the component. */
export function CustomViewMount(props: { view: CustomView; entityId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const { view, entityId } = props;
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const mounted = view.mount(element, entityId === undefined ? {} : { entityId });
    return () => mounted.dispose();
  }, [view, entityId]);
  return <div ref={ref} className="rp-custom-view" data-view={view.id} />;
}
