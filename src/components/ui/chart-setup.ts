/**
 * Registers the few Chart.js parts the app draws with, once, so the bundle carries only
 * those (no `chart.js/auto`), and gives charts the page's colours and motion preference.
 * Import it from any module that renders a chart.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type AnimationEvent,
} from 'chart.js';
import { useSyncExternalStore } from 'react';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  accent: string;
  danger: string;
  /** Chart.js animates by default; people who ask the system for less motion get none. */
  animate: boolean;
}

// Fallbacks match app.css's light theme, for when the stylesheet has not loaded yet.
const FALLBACK = { text: '#1b1d22', muted: '#5a606b', grid: '#d6d9df', accent: '#0b5cad', danger: '#a1141b' };

const DARK = '(prefers-color-scheme: dark)';
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

const hasWindow = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function';

function readTheme(animate: boolean): ChartTheme {
  if (!hasWindow()) return { ...FALLBACK, animate };
  const style = getComputedStyle(document.documentElement);
  const css = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: css('--fg', FALLBACK.text),
    muted: css('--muted', FALLBACK.muted),
    grid: css('--line', FALLBACK.grid),
    accent: css('--accent', FALLBACK.accent),
    danger: css('--danger', FALLBACK.danger),
    animate,
  };
}

// useSyncExternalStore needs the same object back while nothing changed, so the theme is cached by its inputs.
let cached: { key: string; theme: ChartTheme } | undefined;

function snapshot(): ChartTheme {
  const dark = hasWindow() && window.matchMedia(DARK).matches;
  const reduced = hasWindow() && window.matchMedia(REDUCED_MOTION).matches;
  const key = `${dark}|${reduced}`;
  if (cached?.key !== key) cached = { key, theme: readTheme(!reduced) };
  return cached.theme;
}

function subscribe(onChange: () => void): () => void {
  if (!hasWindow()) return () => {};
  const queries = [window.matchMedia(DARK), window.matchMedia(REDUCED_MOTION)];
  for (const q of queries) q.addEventListener('change', onChange);
  return () => {
    for (const q of queries) q.removeEventListener('change', onChange);
  };
}

/** The current chart colours and motion setting; re-renders when dark mode or reduced motion changes. */
export function useChartTheme(): ChartTheme {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Axis colours shared by every chart. */
export function axisColours(theme: ChartTheme) {
  return { ticks: { color: theme.text }, grid: { color: theme.grid }, border: { color: theme.grid } };
}

// Each canvas says when it moves, so anyone waiting for a still chart (a screenshot, a browser test)
// can wait for data-animating="false" instead of for a guessed time; data-animation-frames counts frames.
const motionShown = {
  onProgress({ chart }: AnimationEvent) {
    const canvas = chart.canvas.dataset;
    canvas.animating = 'true';
    canvas.animationFrames = String(Number(canvas.animationFrames ?? 0) + 1);
  },
  onComplete({ chart }: AnimationEvent) {
    chart.canvas.dataset.animating = 'false';
  },
};

/** Layout every chart shares: it fills its CSS box, and stands still when the person asked for less motion. */
export function chartLayout(theme: ChartTheme) {
  return { responsive: true, maintainAspectRatio: false, animation: theme.animate ? motionShown : (false as const) };
}

/**
 * Draws one small chart on a canvas that is never shown, once, when the page is first idle,
 * so Chart.js's code is compiled before results arrive. The first chart a page builds costs
 * several times the next: 88 to 124 ms against 26 to 53 ms once warmed (Chromium, the histogram's
 * 50 bars on a fresh page), and in the app that first build was the longest main-thread task while
 * a 1,000,000-row file was read and shown. Over that (Long Tasks API, Chromium, load average about
 * 2): without the warm-up, 4 runs of 4 had tasks over 50 ms (58 to 84 ms); with it, 2 of 7 (51 to
 * 89 ms, other charts building while the machine was busy). The warm-up
 * itself is one such task, in an idle moment after the page has loaded. Browsers without
 * requestIdleCallback (and the test DOM) skip it.
 */
export function warmChartsWhenIdle(): () => void {
  if (typeof window === 'undefined' || typeof window.requestIdleCallback !== 'function') return () => {};
  const handle = window.requestIdleCallback(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 300;
    canvas.height = 150;
    if (!canvas.getContext('2d')) return;
    // A bar and a line, the two kinds the app draws (the evaluation curves and the campaign's are lines).
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: ['a', 'b'],
        datasets: [
          { data: [1, 2], backgroundColor: ['#000', '#111'], borderWidth: [0, 1] },
          { type: 'line', data: [2, 1] },
        ],
      },
      options: {
        responsive: false,
        animation: false,
        scales: {
          x: { title: { display: true, text: 'x' } },
          y: { beginAtZero: true, title: { display: true, text: 'y' } },
        },
        plugins: { legend: { display: false } },
      },
    });
    chart.destroy();
  });
  return () => window.cancelIdleCallback(handle);
}
