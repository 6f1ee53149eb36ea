import { init, use, type ECElementEvent, type ECharts, type EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the renderer here: each chart's module registers the series and components it draws
// (`use([BarChart, GridComponent])`), so a screen's chunk holds just what it uses.
use([CanvasRenderer]);

/** Those who ask their system for less motion get charts drawn at once. */
const reducedMotion = () =>
  window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  /** What the chart shows, for those who cannot see it. */
  label: string;
  /** A click on a data item (a bar, a point, a slice). */
  onItemClick?: (event: ECElementEvent) => void;
}

/**
 * An ECharts chart that lives as long as the component: created on mount, disposed on unmount,
 * resized with its box (the phone's rotation, the window, a collapsing side panel).
 */
export function EChart({ option, height, label, onItemClick }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts>(undefined);
  const clicked = useRef(onItemClick);
  useEffect(() => {
    clicked.current = onItemClick;
  }, [onItemClick]);

  useEffect(() => {
    const element = box.current!;
    const instance = init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => clicked.current?.(event));
    // A box hidden for a moment (a suspended sibling, a collapsed panel) has no size to draw in:
    // laying a chart out in nothing fails, so it keeps its drawing until the box is back.
    const observer = new ResizeObserver(() => {
      if (element.clientWidth > 0 && element.clientHeight > 0) instance.resize();
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    // notMerge: a series that is gone (another metric, fewer departments) must not linger.
    chart.current?.setOption(reducedMotion() ? { ...option, animation: false } : option, {
      notMerge: true,
    });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
