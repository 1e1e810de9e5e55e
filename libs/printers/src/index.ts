export { age, elapsedMs, humanDuration } from './duration.js';
export { NODE_UNREACHABLE_POD_REASON, podReady, podRestarts, podStatus, podSummary, podWideCells, type PodSummary } from './pod.js';
export { nodeAddress, nodeReady, nodeRoles, nodeStatus, nodeWideCells } from './node.js';
export { compareEvents, eventCount, eventFirstSeen, eventLastSeen, eventObject, eventSource, eventTimeKey, sortEvents } from './event.js';
export { containerCells, formatLabels, formatLabelSelector, labelSelectorString } from './selectors.js';
export { DEFAULT_PRINTER, PRINTERS, printerFor, printHeaders, printRow, type KindPrinter, type PrinterColumn } from './columns.js';
