/** kubectl's ages (duration.HumanDuration), shared with the dashboard through @wheelhouse/printers. */
export { age, humanDuration } from '@wheelhouse/printers';
