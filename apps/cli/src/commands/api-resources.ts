/** wh api-resources: the kinds of the catalogue (@wheelhouse/model), as kubectl lists them. */
import { KIND_LIST } from '@wheelhouse/model';
import { out, type Command } from '../command.js';
import { apiResourcesTable } from '../print/api-resources.js';

export const apiResourcesCommand: Command = {
  name: 'api-resources',
  summary: 'List the resource kinds',
  usage: 'Usage: wh api-resources',
  flags: [],
  async run() {
    out(apiResourcesTable(KIND_LIST));
  },
};
