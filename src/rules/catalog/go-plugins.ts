// Go plugin builds as data (docs/sources.md: upgrade guide "Go plugins", Go plugin page, the tyk
// repository's plugin loader): when builds carry the Gateway version in their name, and how the
// plugin's go.mod is pointed at the Gateway it is built for, by target version.
import type { DependencyRecipe } from '../types';

/** From this Gateway on, the plugin compiler names its output `<name>_v<version>_<os>_<arch>.so`. */
export const versionedBuildsSince = '4.1.0';

/**
 * From this Gateway on the loader tries the build named after its own version before the exact
 * file name of the manifest (tyk repository, goplugin/plugin_name_builder.go, TT-7351: 4.3.2 and
 * 5.0.0). 4.1.0 to 4.3.1 try the exact name first; before 4.1.0 there is only the exact name.
 */
export const versionedNameFirstSince = '4.3.2';

/** The plugin compiler images (Go plugin page; the Gateway 5.8.15 notes for FIPS builds). */
export const pluginCompilers = {
  standard: 'tykio/tyk-plugin-compiler',
  fips: 'tykio/tyk-plugin-compiler-fips',
} as const;

export const goModulesRecipe = {
  id: 'from-5.1.0',
  targets: '>=5.1.0',
  tykCommit: 'ffa83a27d3bf793aa27e5f6e4c7106106286699d',
  replacesGraphqlTools: false,
  vendors: false,
} as const satisfies DependencyRecipe;

export const dependencyRecipes = [
  {
    id: 'up-to-4.2.0',
    targets: '<=4.2.0',
    tykCommit: '6c76e802a29838d058588ff924358706a078d0c5',
    replacesGraphqlTools: true,
    vendors: true,
  },
  {
    id: 'before-5.1.0',
    targets: '>4.2.0 <5.1.0',
    tykCommit: '54e1072a6a9918e29606edf6b60def437b273d0a',
    replacesGraphqlTools: false,
    vendors: true,
  },
  goModulesRecipe,
] as const satisfies readonly DependencyRecipe[];

export const graphqlToolsReplacement =
  'github.com/jensneuse/graphql-go-tools=github.com/TykTechnologies/graphql-go-tools@v1.6.2-0.20220426094453-0cc35471c1ca';
