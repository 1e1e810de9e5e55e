export { age, elapsedMs, humanDuration } from './duration.js';
export { NODE_UNREACHABLE_POD_REASON, podReady, podRestarts, podStatus, podSummary, podWideCells, type PodSummary } from './pod.js';
export { nodeAddress, nodeReady, nodeRoles, nodeStatus, nodeWideCells } from './node.js';
export { compareEvents, eventCount, eventFirstSeen, eventLastSeen, eventObject, eventSource, eventTimeKey, sortEvents } from './event.js';
export { containerCells, formatLabels, formatLabelSelector, labelSelectorString } from './selectors.js';
export { DEFAULT_PRINTER, PRINTERS, printerFor, printHeaders, printRow, type KindPrinter, type PrinterColumn } from './columns.js';
export { formatTable, streamingTable } from './table.js';
export { annotationsText, formatRows, indent, mapText, type Row } from './describe/format.js';
export { conditionsText, containersRows, controlledBy, eventsText, metadataRows, selectorText, taintsText } from './describe/sections.js';
export { DESCRIBERS, type DescribeContext, describeObject } from './describe/kinds.js';
export { nodeResourcesText, podAmounts } from './describe/node-resources.js';
export { podTemplateText, tolerationsText } from './describe/pod-template.js';
export { addQuantities, formatQuantity, parseQuantity, percentOf, type Quantity } from './quantity.js';
export { CASES_NOW, POD_CASES, type PodCase } from './cases/pod-cases.js';
export {
  endpointSliceAddresses,
  endpointSlicePorts,
  endpointsText,
  type EndpointsFields,
  loadBalancerText,
  type ServiceFields,
  serviceCells,
  serviceExternalIP,
  servicePorts,
} from './network.js';
