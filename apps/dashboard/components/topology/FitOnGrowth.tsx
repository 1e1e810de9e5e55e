'use client';
import { useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';

/** Fits the view again when objects are added or removed (lists load after the first render). */
export function FitOnGrowth({ count }: { count: number }) {
  const { fitView } = useReactFlow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `count` is the trigger: the view fits again when objects are added or removed.
  useEffect(() => {
    const timer = setTimeout(() => void fitView({ padding: 0.1, maxZoom: 1 }), 50);
    return () => clearTimeout(timer);
  }, [count, fitView]);
  return null;
}
