// What the API definitions say about plugins: whether the Gateways load Go plugins, and the
// plugin's name and architecture from the files they load.
import { rank, type Candidate, type Observations } from './observations';

export function pluginCandidates(
  observations: Observations,
  add: (candidate: Candidate) => void,
): void {
  const plugins = observations.plugins;
  if (plugins.goPlugins.length > 0) {
    const first = plugins.goPlugins[0] as (typeof plugins.goPlugins)[number];
    add({
      field: 'usesGoPlugins',
      value: 'true',
      file: first.file,
      where: first.where,
      rank: rank.declared,
      note: `${plugins.goPlugins.length} API definition${plugins.goPlugins.length === 1 ? '' : 's'} load a Go plugin`,
    });
  } else if (plugins.bundles.length > 0) {
    const first = plugins.bundles[0] as (typeof plugins.bundles)[number];
    add({
      field: 'usesGoPlugins',
      value: 'true',
      file: first.file,
      where: first.where,
      rank: rank.hint,
      note: 'the API loads a plugin bundle; its manifest names the driver, so check that it is goplugin',
    });
  } else if (plugins.wasRead) {
    add({
      field: 'usesGoPlugins',
      value: 'false',
      file:
        [...observations.readings]
          .reverse()
          .find(
            (reading) => reading.kind === 'api-definitions' || reading.kind === 'plugin-summary',
          )?.file ?? '',
      where: `${plugins.definitions} API definitions`,
      rank: rank.declared,
      note: `none of the ${plugins.definitions} API definitions given loads a Go plugin${plugins.isPartial ? ', but they are only part of your APIs' : ''}`,
    });
  }
  for (const path of plugins.pluginFiles) {
    const stem = /([^/]+?)(?:_v\d+\.\d+\.\d+[\w.-]*?_[a-z]+_[a-z0-9]+)?\.so$/.exec(path)?.[1];
    if (stem !== undefined)
      add({
        field: 'names.pluginName',
        value: stem,
        file: plugins.goPlugins[0]?.file ?? '',
        where: path,
        rank: rank.declared,
        note: `the plugin file ${path}`,
      });
    const arch = /_linux_(amd64|arm64)\.so$/.exec(path)?.[1];
    if (arch !== undefined)
      add({
        field: 'architecture',
        value: arch,
        file: plugins.goPlugins[0]?.file ?? '',
        where: path,
        rank: rank.hint,
        note: `the plugin build ${path}`,
      });
  }
}
