/** True once the element has come within `margin` of the viewport (and stays true). */
import { useEffect, useState, type RefObject } from 'react';

export function useNearViewport(ref: RefObject<HTMLElement | null>, margin = '800px 0px'): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: margin });
    io.observe(el);
    return () => io.disconnect();
  }, [ref, near, margin]);
  return near;
}
