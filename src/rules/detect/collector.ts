// The read-only collector: a short bash script the user runs where Tyk runs. It reads versions,
// images, /hello, Redis INFO server, the database version, chart values, config files and plugin
// use in API definitions; it changes nothing, reads keys with \`read -rs\`, masks every secret it
// prints (config-risks.md §4) and prints one JSON document, which \`detectDeployment\` reads back.
import type { InstallType } from '../types';
import { collectorSchemaVersion } from './collector-doc';
import { secretKeyExpression, secretReferenceExpression } from './text';

// Helpers every collector shares. \`mask\` works line by line on JSON, YAML, NAME=value lines and
// kubectl name/value pairs, with the secret-key patterns the reader itself uses.
const helpers = `have() { command -v "$1" >/dev/null 2>&1; }

# Masks secrets line by line: values under secret-looking keys (JSON, YAML, NAME=value,
# kubectl name/value pairs) and credentials inside connection strings.
mask() {
  awk '
    function secret(key,   k) {
      k = tolower(key)
      gsub(/[-_.]/, "", k)
      if (k ~ /${secretReferenceExpression}/) return 0
      return k ~ /${secretKeyExpression}/
    }
    function credentials(line,   out, lower, part, at) {
      out = ""
      lower = tolower(line)
      while (match(lower, /[a-z][a-z0-9+.-]*:[/][/][^@/ "'"'"',]+@/)) {
        part = substr(line, RSTART, RLENGTH)
        at = index(part, "//")
        out = out substr(line, 1, RSTART - 1) substr(part, 1, at + 1) "****@"
        line = substr(line, RSTART + RLENGTH)
        lower = substr(lower, RSTART + RLENGTH)
      }
      line = out line
      out = ""
      lower = tolower(line)
      while (match(lower, /(password|pwd|pass)[ ]*=[ ]*[^ "'"'"',;]+/)) {
        part = substr(line, RSTART, RLENGTH)
        at = index(part, "=")
        out = out substr(line, 1, RSTART - 1) substr(part, 1, at) "****"
        line = substr(line, RSTART + RLENGTH)
        lower = substr(lower, RSTART + RLENGTH)
      }
      return out line
    }
    function jsonpairs(line,   out, part, key, colon) {
      out = ""
      while (match(line, /"[^"]*"[ \\t]*:[ \\t]*"([^"\\\\]|\\\\.)*"/)) {
        part = substr(line, RSTART, RLENGTH)
        key = substr(part, 2, index(substr(part, 2), "\\"") - 1)
        colon = index(part, ":")
        if (secret(key) || (key == "value" && secret(lastname))) part = substr(part, 1, colon) " \\"****\\""
        if (key == "name") lastname = substr(part, colon + 1)
        out = out substr(line, 1, RSTART - 1) part
        line = substr(line, RSTART + RLENGTH)
      }
      return out line
    }
    function envitems(line,   out, part, eq) {
      out = ""
      while (match(line, /"[A-Za-z_][A-Za-z0-9_]*=([^"\\\\]|\\\\.)*"/)) {
        part = substr(line, RSTART, RLENGTH)
        eq = index(part, "=")
        if (secret(substr(part, 2, eq - 2))) part = substr(part, 1, eq) "****\\""
        out = out substr(line, 1, RSTART - 1) part
        line = substr(line, RSTART + RLENGTH)
      }
      return out line
    }
    {
      line = $0
      if (skip >= 0) {
        match(line, /^[ ]*/)
        if (RLENGTH > skip || line ~ /^[ \\t]*$/) { next }
        skip = -1
      }
      if (match(line, /^[ \\t]*(export[ \\t]+)?[A-Za-z_][A-Za-z0-9_]*=/)) {
        name = substr(line, 1, RLENGTH - 1)
        sub(/^[ \\t]*(export[ \\t]+)?/, "", name)
        if (secret(name)) line = substr(line, 1, RLENGTH) "****"
      } else if (match(line, /^[ ]*- [A-Za-z_][A-Za-z0-9_]*=/)) {
        name = substr(line, 1, RLENGTH - 1)
        sub(/^[ ]*- /, "", name)
        if (secret(name)) line = substr(line, 1, RLENGTH) "****"
      } else if (match(line, /^[ ]*(- )?[A-Za-z0-9_.-]+:([ \\t]|$)/)) {
        indent = match(line, /[^ ]/) - 1
        rest = substr(line, indent + 1)
        if (rest ~ /^- /) { indent += 2; rest = substr(rest, 3) }
        key = substr(rest, 1, index(rest, ":") - 1)
        value = substr(rest, index(rest, ":") + 1)
        while (depth > 0 && indents[depth] >= indent) depth--
        parent = 0
        for (i = 1; i <= depth; i++) if (secrets[i]) parent = 1
        # A bare * would start a YAML alias, so a masked YAML value is quoted.
        if ((secret(key) || parent) && value ~ /[^ \\t]/) {
          line = substr(line, 1, length(line) - length(value)) " \\"****\\""
          if (value ~ /^[ \\t]*[|>]/) skip = indent
        }
        if (value !~ /[^ \\t]/) { depth++; indents[depth] = indent; secrets[depth] = secret(key) || parent }
      } else if (match(line, /^[ ]*- /)) {
        indent = RLENGTH - 2
        while (depth > 0 && indents[depth] >= indent) depth--
        for (i = 1; i <= depth; i++) if (secrets[i]) line = substr(line, 1, indent + 2) "\\"****\\""
      }
      line = envitems(jsonpairs(line))
      print credentials(line)
    }
    BEGIN { skip = -1; depth = 0; lastname = "" }
  '
}

# A JSON string of its argument: backslashes, quotes and control characters escaped.
json_string() {
  local text
  text=$(printf '%s' "$1" | tr -d '\\000-\\010\\013\\014\\016-\\037')
  text=\${text//\\\\/\\\\\\\\}
  text=\${text//\\"/\\\\\\"}
  text=\${text//$'\\t'/\\\\t}
  text=\${text//$'\\r'/\\\\r}
  text=\${text//$'\\n'/\\\\n}
  printf '"%s"' "$text"
}

sections=0
# One part of the document: a name, an optional kind and database, and the text.
section() {
  [ -n "$4" ] || return 0
  if [ "$sections" -gt 0 ]; then printf ',\\n'; fi
  sections=$((sections + 1))
  printf '    {"name": %s, "kind": %s, "database": %s, "text": %s}' \\
    "$(json_string "$1")" "$(json_string "$2")" "$(json_string "$3")" "$(json_string "$4")"
}
`;

const common = `# The output of a command, masked, as one part of the document; nothing if it fails or is empty.
collect() {
  local name=$1
  shift
  section "$name" "" "" "$("$@" 2>/dev/null | mask)"
}

hello() {
  have curl || return 0
  section "$1 /hello" "" "" "$(curl -fsS --max-time 5 "$2/hello" 2>/dev/null)"
}

redis_info() {
  section "redis INFO server" "" "" "$("$@" 2>/dev/null)"
}

database_version() {
  local database=$1
  shift
  section "$database version" "database-version" "$database" "$("$@" 2>/dev/null | head -n 1)"
}

mongo_version() {
  "$@" mongosh --quiet --eval 'db.version()' 2>/dev/null || "$@" mongo --quiet --eval 'db.version()' 2>/dev/null
}

# Counts plugin drivers, bundles and plugin files in API definitions read from stdin.
plugin_counts() {
  local text
  text=$(cat)
  [ -n "$text" ] || return 0
  printf 'definitions %s\\n' "$(grep -o '"api_id"[[:space:]]*:' <<<"$text" | wc -l | tr -d ' ')"
  printf 'driver goplugin %s\\n' "$(grep -o '"driver"[[:space:]]*:[[:space:]]*"goplugin"' <<<"$text" | wc -l | tr -d ' ')"
  printf 'driver python %s\\n' "$(grep -o '"driver"[[:space:]]*:[[:space:]]*"python"' <<<"$text" | wc -l | tr -d ' ')"
  printf 'bundles %s\\n' "$(grep -o '"custom_middleware_bundle"[[:space:]]*:[[:space:]]*"[^"]' <<<"$text" | wc -l | tr -d ' ')"
  grep -o '"path"[[:space:]]*:[[:space:]]*"[^"]*[.]so"' <<<"$text" | sed 's/.*"\\([^"]*[.]so\\)"$/file \\1/' | sort -u
}

api_definitions() {
  local folder=$1
  if [ -n "$dashboard_key" ] && have curl; then
    printf 'Authorization: %s\\n' "$dashboard_key" | curl -fsS --max-time 30 -H @- "$dashboard_url/api/apis?p=-1" 2>/dev/null
  elif [ -n "$folder" ] && [ -d "$folder" ]; then
    cat "$folder"/*.json 2>/dev/null
  elif [ -n "$gateway_secret" ] && have curl; then
    printf 'x-tyk-authorization: %s\\n' "$gateway_secret" | curl -fsS --max-time 30 -H @- "$gateway_url/tyk/apis" 2>/dev/null
  fi
}

plugins() {
  section "plugin use in API definitions" "plugin-summary" "" "$(api_definitions "$1" | plugin_counts)"
}
`;

const settings = `gateway_url="\${TYK_GATEWAY_URL:-http://localhost:8080}"
dashboard_url="\${TYK_DASHBOARD_URL:-http://localhost:3000}"
dashboard_key="\${TYK_DASHBOARD_API_KEY:-}"
gateway_secret="\${TYK_GATEWAY_SECRET:-}"
redis_password="\${TYK_REDIS_PASSWORD:-}"
pg_user="\${TYK_POSTGRES_USER:-postgres}"

# Keys are read without echo, and only when someone is at the keyboard.
if [ -t 0 ]; then
  if [ -z "$dashboard_key" ]; then
    read -rsp 'Dashboard API key, to count plugins in API definitions (Enter to skip): ' dashboard_key
    printf '\\n' >&2
  fi
  if [ -z "$dashboard_key" ] && [ -z "$gateway_secret" ]; then
    read -rsp 'Gateway secret, to count plugins through the Gateway API (Enter to skip): ' gateway_secret
    printf '\\n' >&2
  fi
  if [ -z "$redis_password" ]; then
    read -rsp 'Redis password, for INFO server (Enter if none): ' redis_password
    printf '\\n' >&2
  fi
fi
if [ -n "$redis_password" ]; then export REDISCLI_AUTH="$redis_password"; fi
`;

const namespaceFacts = `# What runs in one namespace: workloads, /hello through the API server, Redis and the database.
namespace_facts() {
  local namespace=$1 name port pod image
  # Expanded inside the pod, where the Redis chart keeps its password.
  # shellcheck disable=SC2016
  local redis_in_pod='if [ -n "\${REDIS_PASSWORD:-}" ]; then export REDISCLI_AUTH="$REDIS_PASSWORD"; fi; redis-cli INFO server'
  collect "kubectl get deployments -n $namespace" kubectl get deployments,statefulsets,daemonsets -n "$namespace" -o json
  while read -r name port; do
    case "$name" in
      *gateway*) section "gateway /hello ($name)" "" "" "$(kubectl get --raw "/api/v1/namespaces/$namespace/services/$name:$port/proxy/hello" 2>/dev/null)" ;;
      *dashboard*) section "dashboard /hello ($name)" "" "" "$(kubectl get --raw "/api/v1/namespaces/$namespace/services/$name:$port/proxy/hello" 2>/dev/null)" ;;
    esac
  done < <(kubectl get services -n "$namespace" -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.ports[0].port}{"\\n"}{end}' 2>/dev/null)
  while read -r pod image; do
    case "$image" in
      *redis* | *valkey*) redis_info kubectl exec -n "$namespace" "$pod" -- sh -c "$redis_in_pod" ;;
      *mongo*) database_version mongodb mongo_version kubectl exec -n "$namespace" "$pod" -- ;;
      *postgres*) database_version postgres kubectl exec -n "$namespace" "$pod" -- psql -U "$pg_user" -tAc 'SHOW server_version' ;;
    esac
  done < <(kubectl get pods -n "$namespace" -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.containers[0].image}{"\\n"}{end}' 2>/dev/null)
}
`;

const linuxBody = (packageQuery: string): string => `redis_host="\${TYK_REDIS_HOST:-localhost}"
redis_port="\${TYK_REDIS_PORT:-6379}"
database_host="\${TYK_DATABASE_HOST:-localhost}"
if [ -t 0 ] && [ -z "\${PGPASSWORD:-}" ] && have psql; then
  read -rsp 'PostgreSQL password, for its version (Enter to skip): ' PGPASSWORD
  printf '\\n' >&2
  export PGPASSWORD
fi
collect "installed packages" ${packageQuery}
for file in /opt/tyk-gateway/tyk.conf /opt/tyk-dashboard/tyk_analytics.conf /opt/tyk-pump/pump.conf /opt/tyk-sink/tyk_sink.conf; do
  if [ -r "$file" ]; then
    section "file $file" "" "" "$(mask <"$file")"
  elif [ -e "$file" ]; then
    printf '%s is not readable: run the collector with sudo to include it.\\n' "$file" >&2
  fi
done
hello gateway "$gateway_url"
hello dashboard "$dashboard_url"
if have redis-cli; then redis_info redis-cli -h "$redis_host" -p "$redis_port" INFO server; fi
if have mongosh; then database_version mongodb mongosh --quiet --host "$database_host" --eval 'db.version()'; fi
if have psql; then database_version postgres psql -h "$database_host" -U "$pg_user" -d postgres -tAc 'SHOW server_version'; fi
plugins /opt/tyk-gateway/apps
`;

// Plain strings and functions only at the top level: the bundler can then leave the whole
// module out of every chunk that does not print a collector.
type CollectorEntry = {
  readonly reads: string;
  readonly settings: string;
  readonly body: () => string;
};

const collectors: Readonly<Record<InstallType, CollectorEntry>> = {
  docker: {
    reads:
      'docker ps and docker inspect of the Tyk, Redis and database containers, the config file inside each Tyk container',
    settings: 'TYK_GATEWAY_URL, TYK_DASHBOARD_URL, TYK_POSTGRES_USER',
    body: () => `tyk_containers() {
  docker ps --format '{{json .}}' | grep -E '"Image":"[^"]*(tyk|redis|valkey|mongo|postgres)'
}

collect "docker ps" tyk_containers
while read -r id image; do
  case "$image" in
    *tyk-gateway* | *tyk-hybrid*) config=/opt/tyk-gateway/tyk.conf ;;
    *tyk-dashboard*) config=/opt/tyk-dashboard/tyk_analytics.conf ;;
    *tyk-pump*) config=/opt/tyk-pump/pump.conf ;;
    *tyk-mdcb* | *tyk-sink*) config=/opt/tyk-sink/tyk_sink.conf ;;
    *redis* | *valkey*)
      redis_info docker exec -e REDISCLI_AUTH "$id" redis-cli INFO server
      continue
      ;;
    *mongo*)
      database_version mongodb mongo_version docker exec "$id"
      continue
      ;;
    *postgres*)
      database_version postgres docker exec "$id" psql -U "$pg_user" -tAc 'SHOW server_version'
      continue
      ;;
    *) continue ;;
  esac
  collect "docker inspect $id" docker inspect "$id"
  section "file $config in $id" "" "" "$(docker cp "$id:$config" - 2>/dev/null | tar -xO 2>/dev/null | mask)"
done < <(docker ps --format '{{.ID}} {{.Image}}' 2>/dev/null)
hello gateway "$gateway_url"
hello dashboard "$dashboard_url"
plugins ""
`,
  },
  'docker-compose': {
    reads:
      'the compose file, its .env, the env and conf files beside it, docker compose ps and images',
    settings:
      'TYK_COMPOSE_DIR (the project folder), TYK_GATEWAY_URL, TYK_DASHBOARD_URL, TYK_POSTGRES_USER',
    body: () => `compose_dir="\${TYK_COMPOSE_DIR:-.}"
cd "$compose_dir" || exit 1
for file in docker-compose.yml docker-compose.yaml compose.yml compose.yaml .env; do
  if [ -f "$file" ]; then section "file $file" "" "" "$(mask <"$file")"; fi
done
while IFS= read -r -d '' file; do
  section "file \${file#./}" "" "" "$(mask <"$file")"
done < <(find . -maxdepth 3 -type f \\( -name '*.env' -o -name '*.conf' \\) ! -name .env -size -1024k -print0 2>/dev/null)
collect "docker compose ps" docker compose ps --format json
collect "docker compose images" docker compose images --format json
while read -r service image; do
  case "$image" in
    *redis* | *valkey*) redis_info docker compose exec -T -e REDISCLI_AUTH "$service" redis-cli INFO server ;;
    *mongo*) database_version mongodb mongo_version docker compose exec -T "$service" ;;
    *postgres*) database_version postgres docker compose exec -T "$service" psql -U "$pg_user" -tAc 'SHOW server_version' ;;
  esac
done < <(docker compose ps --format '{{.Service}} {{.Image}}' 2>/dev/null)
hello gateway "$gateway_url"
hello dashboard "$dashboard_url"
plugins ./apps
`,
  },
  kubernetes: {
    reads:
      'the Deployments, StatefulSets and DaemonSets of one namespace, /hello through the API server',
    settings:
      'TYK_NAMESPACE (tyk), TYK_DASHBOARD_URL (a port-forward, for the plugin count), TYK_POSTGRES_USER',
    body: () =>
      namespaceFacts +
      `namespace_facts "\${TYK_NAMESPACE:-tyk}"
plugins ""
`,
  },
  helm: {
    reads: 'helm list, the values of every Tyk release, and the workloads of their namespaces',
    settings: 'TYK_DASHBOARD_URL (a port-forward, for the plugin count), TYK_POSTGRES_USER',
    body: () =>
      namespaceFacts +
      `collect "helm list" helm list --all-namespaces -o json
namespaces=""
while read -r release namespace; do
  collect "helm get values $release -n $namespace" helm get values "$release" -n "$namespace" -o yaml
  case " $namespaces " in
    *" $namespace "*) ;;
    *) namespaces="$namespaces $namespace" ;;
  esac
done < <(helm list --all-namespaces 2>/dev/null | awk 'NR > 1 && $0 ~ /tyk-(oss|stack|control-plane|data-plane|pro|hybrid|headless)-[0-9]/ { print $1, $2 }')
for namespace in $namespaces; do namespace_facts "$namespace"; done
plugins ""
`,
  },
  rpm: {
    reads: "rpm -qa 'tyk*', the config files under /opt, Redis and the database on this machine",
    settings:
      'TYK_GATEWAY_URL, TYK_DASHBOARD_URL, TYK_REDIS_HOST, TYK_REDIS_PORT, TYK_DATABASE_HOST, TYK_POSTGRES_USER',
    body: () => linuxBody("rpm -qa 'tyk*'"),
  },
  deb: {
    reads:
      "dpkg-query -W 'tyk*', the config files under /opt, Redis and the database on this machine",
    settings:
      'TYK_GATEWAY_URL, TYK_DASHBOARD_URL, TYK_REDIS_HOST, TYK_REDIS_PORT, TYK_DATABASE_HOST, TYK_POSTGRES_USER',
    body: () => linuxBody("dpkg-query -W 'tyk*'"),
  },
};

/** The collector for one installation type: a bash script that only reads and prints one JSON document. */
export function collectorScript(install: InstallType): string {
  const entry = collectors[install];
  return [
    '#!/usr/bin/env bash',
    `# Tyk Upgrade Wizard: read-only fact collector (${install}).`,
    `# It reads ${entry.reads};`,
    '# /hello, Redis INFO server, the database version and plugin use in API definitions.',
    '# It changes nothing, masks every secret it prints as ****, and prints one JSON document',
    '# on stdout; questions and notes go to stderr. Run it, then give the JSON to the wizard:',
    '#   bash tyk-collect.sh > tyk-facts.json',
    '#   npm run --silent detect -- tyk-facts.json',
    `# Optional environment: ${entry.settings};`,
    '# TYK_DASHBOARD_API_KEY, TYK_GATEWAY_SECRET and TYK_REDIS_PASSWORD instead of the questions.',
    'set -u',
    '',
    helpers,
    common,
    settings,
    `printf '{\\n  "tykUpgradeCollector": ${collectorSchemaVersion},\\n  "install": "${install}",\\n  "architecture": %s,\\n  "sections": [\\n' "$(json_string "$(uname -m 2>/dev/null)")"`,
    entry.body(),
    "printf '\\n  ]\\n}\\n'",
    'printf \'Collected %s parts. Give the JSON to the wizard, or run: npm run --silent detect -- FILE\\n\' "$sections" >&2',
    '',
  ].join('\n');
}
