/** wh api-resources: the kinds this client knows, as kubectl lists them. */
import { KINDS } from '@wheelhouse/resources';
import { out, type Command } from '../command.js';
import { apiResourcesTable } from '../print/api-resources.js';

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  summary: 'List the resource kinds',
  usage: 'Usage: wh api-resources',
  flags: [],
  async run() {
    out(apiResourcesTable(KINDS));
  },
};
