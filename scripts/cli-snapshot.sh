#!/usr/bin/env bash
# Runs the plan CLI on the README's examples, every output format, the help and the usual mistakes,
# and writes one file per case (exit code, stdout, stderr) into a folder. Run it before and after a
# change to the CLI and compare the two folders; for a refactoring they must be identical:
#
#   bash scripts/cli-snapshot.sh /tmp/cli-before
#   ... change the CLI ...
#   bash scripts/cli-snapshot.sh /tmp/cli-after && diff -r /tmp/cli-before /tmp/cli-after
set -euo pipefail

out="${1:?usage: bash scripts/cli-snapshot.sh OUTPUT-DIR}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p "$out"

# The links of the README's "Shared links" section, and one with a model this version does not know.
app='https://tools.example.com/tyk-upgrade-wizard/'
shared="${app}#/s/eyJ2IjoxLCJtIjoic2VsZi1tYW5hZ2VkIiwiYyI6WyJnYXRld2F5IiwiZGFzaGJvYXJkIiwicHVtcCJdLCJnIjpbIjUuMi41IiwiNS4zLjAiXSwicyI6InJvbGxpbmciLCJpIjoiZGViIiwiZGIiOiJtb25nb2RiIiwicCI6WyIxLjguMCIsIjEuOS4wIl19"
mainframe="${app}#/s/eyJ2IjoxLCJtIjoibWFpbmZyYW1lIiwiYyI6WyJnYXRld2F5IiwiZGFzaGJvYXJkIl0sImciOlsiNS4yLjUiLCI1LjMuMCJdLCJzIjoicm9sbGluZyIsImkiOiJkZWIiLCJkYiI6Im1vbmdvZGIifQ"
damaged="${app}#/s/eyJ2IjoxLCJtIjoic2VsZi1tYW5hZ2Vk"
mdcb=(--model self-managed-mdcb --install helm --from 5.0.0 --to 5.3.0 --mdcb-from 2.4.0 --data-planes "eu-west,us-east")
deb=(--model self-managed --install deb --from 5.2.5 --to 5.3.0 --pump-from 1.8.0)

snapshot() {
  local name="$1" code=0
  shift
  npm run --silent plan -- "$@" >"$out/$name.stdout" 2>"$out/$name.stderr" || code=$?
  echo "$code" >"$out/$name.exit"
}

snapshot help --help
snapshot help-short -h
snapshot mdcb-text "${mdcb[@]}"
snapshot mdcb-markdown "${mdcb[@]}" --format markdown
snapshot mdcb-json "${mdcb[@]}" --format json
snapshot mdcb-link "${mdcb[@]}" --format link
snapshot deb-link "${deb[@]}" --format link --app-url "$app"
snapshot deb-link-names "${deb[@]}" --format link --app-url "$app" --include-names --namespace tyk
snapshot deb-text "${deb[@]}"
snapshot docker-text --model self-managed --install docker --from 5.0.0 --to 5.3.0
snapshot oss-link --model oss --install helm --from 5.0.0 --to 5.3.0 --format link --app-url "$app"
snapshot equals-syntax --model=oss --install=docker --from=v5.0.0 --to=5.3.0 --format=json
snapshot names --model self-managed --install kubernetes --from 5.0.0 --to 5.3.0 --namespace tyk-prod --name gatewayPort=8081 --name redisHost=redis.internal
snapshot downtime --model self-managed --install rpm --from 5.0.0 --to 5.3.0 --strategy downtime --window 90 --go-plugins --database postgres
snapshot link-text --link "$shared"
snapshot link-json --link "$shared" --format json
snapshot link-markdown --link "$shared" --format markdown
snapshot link-unknown-model --link "$mainframe"
snapshot link-unknown-model-json --link "$mainframe" --format json
snapshot link-damaged --link "$damaged"
snapshot link-damaged-json --link "$damaged" --format json
snapshot bad-version --model self-managed --install deb --from five --to 5.3.0
snapshot bad-version-json --model self-managed --install deb --from five --to 5.3.0 --format json
snapshot unknown-flag --model oss --colour red --install docker --from 5.0.0 --to 5.3.0
snapshot unknown-flag-json --model oss --colour --install docker --from 5.0.0 --to 5.3.0 --format json
snapshot missing-value --model oss --install docker --from 5.0.0 --to
snapshot missing-value-before-flag --model --install docker --from 5.0.0 --to 5.3.0
snapshot bad-format --model oss --install docker --from 5.0.0 --to 5.3.0 --format yaml
snapshot flag-twice --model oss --model cloud --install docker --from 5.0.0 --to 5.3.0
snapshot link-with-answer-flag --link "$shared" --from 5.0.0 --install docker
snapshot stray-argument oss --model oss --install docker --from 5.0.0 --to 5.3.0
snapshot switch-with-value --model oss --install docker --from 5.0.0 --to 5.3.0 --go-plugins=yes
snapshot name-without-equals --model oss --install docker --from 5.0.0 --to 5.3.0 --name gatewayPort
snapshot name-unknown-key --model oss --install docker --from 5.0.0 --to 5.3.0 --name colour=red
snapshot name-twice --model self-managed --install helm --from 5.0.0 --to 5.3.0 --namespace a --name namespace=b
snapshot app-url-bad --model oss --install docker --from 5.0.0 --to 5.3.0 --format link --app-url not-a-url
snapshot app-url-without-link --model oss --install docker --from 5.0.0 --to 5.3.0 --app-url "$app" --include-names
snapshot no-flags
snapshot help-beside-mistakes --colour --help
