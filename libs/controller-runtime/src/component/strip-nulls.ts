// Moved to libs/model: the clientset strips nulls for every process and the browser.
export { stripNulls } from '@wheelhouse/model';
