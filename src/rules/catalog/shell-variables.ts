// Values the commands read from the shell instead of the plan: secrets never appear in a plan, and
// per-site values the wizard does not ask for. The first step of a plan asks for those it uses.

export type ShellVariable = {
  readonly name: string;
  readonly prompt: string;
  readonly isSecret: boolean;
  /** Left unset when the answer is empty (a password Redis may not have). */
  readonly isOptional?: boolean;
};

export const shellVariables = [
  { name: 'TYK_DASHBOARD_API_KEY', prompt: 'Dashboard API key of an admin user', isSecret: true },
  { name: 'TYK_DASHBOARD_URL', prompt: 'Tyk Cloud Dashboard URL (https://...)', isSecret: false },
  { name: 'TYK_GW_SECRET', prompt: 'Gateway API secret (secret in tyk.conf)', isSecret: true },
  {
    name: 'TYK_CLOUD_GATEWAY_URL',
    prompt: 'URL of a Tyk Cloud data plane Gateway (https://...)',
    isSecret: false,
  },
  { name: 'TYK_GATEWAY_URL', prompt: 'Gateway URL (http://host:port)', isSecret: false },
  { name: 'PGUSER', prompt: 'PostgreSQL user', isSecret: false },
  { name: 'PGPASSWORD', prompt: 'PostgreSQL password', isSecret: true },
  {
    name: 'REDISCLI_AUTH',
    prompt: 'Redis password (empty if none)',
    isSecret: true,
    isOptional: true,
  },
  {
    name: 'RESTORE_TEST_HOST',
    prompt: 'Host of the test database for the restore test',
    isSecret: false,
  },
  {
    name: 'GREEN_DATABASE_HOST',
    prompt: "Host of the green environment's copy of the Dashboard database",
    isSecret: false,
  },
  { name: 'TYK_BUNDLE_DIR', prompt: 'Folder your bundle server serves', isSecret: false },
  { name: 'TYK_BUNDLE_BASE_URL', prompt: 'bundle_base_url from tyk.conf', isSecret: false },
  {
    name: 'MSERVCTL',
    prompt: 'Path of the mservctl binary as downloaded, such as ./mservctl.linux.amd64',
    isSecret: false,
  },
  { name: 'MSERVCTL_CONFIG', prompt: 'Path of your mservctl config file', isSecret: false },
  {
    name: 'TYK_CURRENT_BUNDLE',
    prompt: 'File name of the bundle your APIs use now (custom_middleware_bundle)',
    isSecret: false,
  },
  {
    name: 'TYK_CURRENT_BUNDLE_ZIP',
    prompt: 'Path of the bundle zip your APIs use now',
    isSecret: false,
  },
  {
    name: 'TYK_TEST_API_PATH',
    prompt: 'Listen path of an API to test, without the leading slash',
    isSecret: false,
  },
  {
    name: 'TYK_PLUGIN_API_PATH',
    prompt: 'Listen path of an API that uses the plugin, without the leading slash',
    isSecret: false,
  },
  {
    name: 'API_ID',
    prompt: 'ID of an API that uses the plugin (set it again for each API)',
    isSecret: false,
  },
] as const satisfies readonly ShellVariable[];
