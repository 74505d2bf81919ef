#!/usr/bin/env bash
# The release tool. The image a stack runs is its config (storefront:service.image in
# Pulumi.<stack>.yaml), changed by a commit; CI is the deployer. So a later CI run deploys the same
# image again instead of reverting it, in both deployment modes.
#
#   record <stack> <image>   record a release: set the stack's image and commit the stack file
#                            (push it or open a pull request; CI deploys it)
#   up <stack> [flags]       what CI runs to deploy: pulumi up, then make ECS run what it registered
#                            rolling   - the update itself rolls out and fails if ECS rolls it back
#                            blueGreen - reads the live target group first (new listeners and rules
#                                        forward to it), then deploys the registered revision with
#                                        CodeDeploy and waits for the outcome
#   preview <stack> [flags]  pulumi preview with the same observation (what CI runs on pull requests)
#   status <stack>           what runs now against what the stack registered
#   check-image <image>      validate an image reference (Docker's grammar, tag or digest required)
#
# Run it from the project root, logged in to the stack's backend. Needs pulumi; up and status also
# need aws and jq; record also needs git.
set -euo pipefail

poll_seconds=${DEPLOY_IMAGE_POLL_SECONDS:-15}

die() {
  echo "deploy-image: $*" >&2
  exit 1
}

usage() {
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool (install it and retry)"
  done
}

# Docker's reference grammar (distribution/reference), the same as config.ImageReference in Java.
check_image() {
  local ref=$1 dc domain pc name tag digest without_digest
  dc='([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
  domain="${dc}(\\.${dc})*(:[0-9]+)?"
  pc='[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*'
  name="(${domain}/)?${pc}(/${pc})*"
  tag='[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}'
  digest='[A-Za-z][A-Za-z0-9]*([-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}'
  [[ $ref =~ ^${name}(:${tag})?(@${digest})?$ ]] ||
    die "image '$ref' is not a valid reference: [registry[:port]/]path:tag or path@sha256:<digest>, path lowercase"
  without_digest=${ref%%@*}
  name=$without_digest
  case "${without_digest##*/}" in *:*) name=${without_digest%:*} ;; esac
  [ "${#name}" -le 255 ] || die "image '$ref' has a name longer than 255 characters"
  [[ $ref == *@* || ${without_digest##*/} == *:* ]] ||
    die "image '$ref' has no tag or digest; name one (e.g. :1.4.2) so the stack config pins the image"
}

stack_file() {
  local file="Pulumi.$1.yaml"
  [ -f "$file" ] || die "no stack file $file here; run from the project root with an existing stack"
  echo "$file"
}

outputs_json=
observed_config=
cleanup() {
  [ -z "$observed_config" ] || rm -f "$observed_config"
}
trap cleanup EXIT

load_outputs() {
  outputs_json=$(pulumi stack output --json --stack "$1") ||
    die "cannot read the outputs of stack '$1' (pulumi login to its backend first)"
}

output() {
  local value
  value=$(jq -r --arg name "$1" '.[$name] // empty | if type == "string" then . else tojson end' <<<"$outputs_json")
  [ -n "$value" ] || die "stack output '$1' is missing; run 'pulumi up' for the stack first"
  echo "$value"
}

primary_task_set() {
  aws ecs describe-services --cluster "$(output ecsClusterName)" --services "$(output ecsServiceName)" --output json |
    jq -c '.services[0] | ((.taskSets // []) | map(select(.status == "PRIMARY")) | .[0]) // {
             taskDefinition: .taskDefinition, loadBalancers: .loadBalancers,
             capacityProviderStrategy: .capacityProviderStrategy }'
}

# The target group production traffic reaches now: the one the primary task set registers in.
live_color() {
  local target blue green
  target=$(primary_task_set | jq -r '.loadBalancers[0].targetGroupArn // empty')
  blue=$(output blueTargetGroupArn)
  green=$(output greenTargetGroupArn)
  case "$target" in
    "$blue") echo blue ;;
    "$green") echo green ;;
    *) die "cannot tell which target group is live: the primary task set uses '${target:-none}'" ;;
  esac
}

in_progress_deployments() {
  aws deploy list-deployments --application-name "$(output codeDeployApplication)" \
    --deployment-group-name "$(output codeDeployDeploymentGroup)" \
    --include-only-statuses Created Queued InProgress Ready --output json | jq -r '.deployments | join(" ")'
}

record() {
  [ "$#" -eq 2 ] || usage
  local stack=$1 image=$2 file
  check_image "$image"
  file=$(stack_file "$stack")
  need pulumi git
  pulumi config set --stack "$stack" --path storefront:service.image "$image"
  if git diff --quiet -- "$file"; then
    echo "$stack already records $image; nothing to commit"
    return 0
  fi
  git add -- "$file"
  git commit --quiet -m "release($stack): $image" -- "$file"
  echo "recorded $image for $stack in $file; push the commit (or open a pull request): CI deploys it"
}

# Copies the stack file with what only AWS knows: which target group serves production now. The
# committed file never records it (CodeDeploy changes it with every release).
observe() {
  local stack=$1 file live=blue
  file=$(stack_file "$stack")
  need pulumi aws jq
  load_outputs "$stack"
  # A new stack, or one that was rolling until now, has only blue.
  if [ "$(jq -r '.deploymentStrategy // empty' <<<"$outputs_json")" = "blueGreen" ]; then
    local busy
    busy=$(in_progress_deployments)
    [ -z "$busy" ] || die "CodeDeploy deployment $busy is in progress; let it finish (or stop it) before changing the stack"
    live=$(live_color)
    echo "blue/green: $live serves production; every forward this update declares names it"
  fi
  observed_config=$(mktemp "${TMPDIR:-/tmp}/Pulumi.$stack.XXXXXX.yaml")
  cp "$file" "$observed_config"
  pulumi config set --stack "$stack" --config-file "$observed_config" --path storefront:deployment.liveTargetGroup "$live"
}

preview() {
  [ "$#" -ge 1 ] || usage
  local stack=$1
  shift
  observe "$stack"
  pulumi preview --stack "$stack" --config-file "$observed_config" --diff "$@"
}

up() {
  [ "$#" -ge 1 ] || usage
  local stack=$1
  shift
  observe "$stack"
  pulumi up --stack "$stack" --config-file "$observed_config" --yes "$@"

  load_outputs "$stack"
  case "$(output deploymentStrategy)" in
    rolling)
      # The program reads the service back after the update and fails it if ECS rolled back.
      echo "rolling: ECS runs $(output taskDefinitionArn)"
      ;;
    blueGreen) roll_out ;;
    *) die "unknown deployment strategy '$(output deploymentStrategy)'" ;;
  esac
}

# Deploys the revision Pulumi registered, unless ECS already runs it with the configured capacity split.
roll_out() {
  local registered template primary running wanted_split running_split request deployment
  registered=$(output taskDefinitionArn)
  template=$(output codeDeployAppSpecTemplate)
  primary=$(primary_task_set)
  running=$(jq -r '.taskDefinition // empty' <<<"$primary")
  running_split=$(jq -c '[.capacityProviderStrategy // [] | .[] | {p: .capacityProvider, b: (.base // 0), w: .weight}]
                         | sort_by(.p)' <<<"$primary")
  wanted_split=$(jq -c '[.Resources[0].TargetService.Properties.CapacityProviderStrategy // [] | .[]
                         | {p: .CapacityProvider, b: (.Base // 0), w: .Weight}] | sort_by(.p)' <<<"$template")
  if [ "$running" = "$registered" ] && [ "$running_split" = "$wanted_split" ]; then
    echo "blue/green: ECS already runs $registered; nothing to roll out"
    return 0
  fi
  request=$(jq -n --arg content "${template//<TASK_DEFINITION>/$registered}" \
    '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
  deployment=$(aws deploy create-deployment --application-name "$(output codeDeployApplication)" \
    --deployment-group-name "$(output codeDeployDeploymentGroup)" --revision "$request" \
    --description "storefront: ${running:-none} -> $registered" --output json | jq -r '.deploymentId')
  case "$deployment" in "" | null) die "CodeDeploy did not start a deployment" ;; esac
  echo "CodeDeploy deployment $deployment: ${running:-none} -> $registered"
  wait_for "$deployment" "$(output rolloutTimeoutMinutes)"
}

# Polls until CodeDeploy reports the end, for as long as the configured shift and termination wait need.
wait_for() {
  local deployment=$1 minutes=$2 deadline info status last=""
  deadline=$(($(date +%s) + minutes * 60))
  while :; do
    info=$(aws deploy get-deployment --deployment-id "$deployment" --output json | jq -c '.deploymentInfo')
    status=$(jq -r '.status' <<<"$info")
    [ "$status" = "$last" ] || echo "deployment $deployment: $status"
    last=$status
    case "$status" in
      Succeeded)
        echo "deployment $deployment succeeded: production runs $(output taskDefinitionArn)"
        return 0
        ;;
      Failed | Stopped)
        jq -r '"CodeDeploy: \(.errorInformation.code // "no error code"): \(.errorInformation.message // "no message")",
               (select(.rollbackInfo != null) | .rollbackInfo
                 | "rollback: \(.rollbackMessage // "") \(.rollbackDeploymentId // "" | if . == "" then "" else "(deployment \(.))" end)")' \
          <<<"$info" >&2
        die "deployment $deployment $status; production stays on the previous revision. Fix the release and record it again (or revert the image commit)"
        ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      die "deployment $deployment is still $status after $minutes minutes (traffic shift + termination wait + margin); it goes on in CodeDeploy: aws deploy get-deployment --deployment-id $deployment"
    fi
    sleep "$poll_seconds"
  done
}

status() {
  [ "$#" -eq 1 ] || usage
  local stack=$1 running image
  need pulumi aws jq
  load_outputs "$stack"
  running=$(primary_task_set | jq -r '.taskDefinition // empty')
  image=$(aws ecs describe-task-definition --task-definition "$running" --output json |
    jq -r --arg name "$(output containerName)" '.taskDefinition.containerDefinitions[] | select(.name == $name) | .image')
  echo "strategy:   $(output deploymentStrategy)"
  echo "registered: $(output taskDefinitionArn)"
  echo "running:    $running ($image)"
  if [ "$(output deploymentStrategy)" = "blueGreen" ]; then
    echo "live:       $(live_color)"
    echo "deploying:  $(in_progress_deployments)"
  fi
}

[ "$#" -ge 1 ] || usage
command=$1
shift
case "$command" in
  record) record "$@" ;;
  up) up "$@" ;;
  preview) preview "$@" ;;
  status) status "$@" ;;
  check-image)
    [ "$#" -eq 1 ] || usage
    check_image "$1"
    echo "ok: $1"
    ;;
  *) usage ;;
esac
