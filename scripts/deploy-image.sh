#!/usr/bin/env bash
# The release tool. The image a stack runs is its config (storefront:service.image in
# Pulumi.<stack>.yaml), changed by a commit; CI is the deployer. So a later CI run deploys the same
# image again instead of reverting it, in both deployment modes.
#
#   record <stack> <image>   record a release: set the stack's image and commit the stack file
#                            (push it or open a pull request; CI deploys it)
#   up <stack> [flags]       what CI runs to deploy: pulumi up, then make ECS run what it registered
#                            first, what the update needs from AWS: the running Aurora version (the
#                            cluster's state refreshed if AWS upgraded it), the region's AWS Backup
#                            Aurora opt-in (checked, never set), an execution log group API Gateway
#                            created (imported), deletion protection off on an ALB the update replaces
#                            (internal <-> internet-facing; on again if the update fails), and an
#                            account logging setting no longer managed kept in AWS (retained)
#                            rolling   - the update rolls out; fails if ECS rolled a deployment back
#                            blueGreen - reads the live target group first (every forward names it),
#                                        then deploys the registered revision with CodeDeploy and
#                                        waits for the outcome
#   preview <stack> [flags]  pulumi preview with the same observation (what CI runs on pull requests)
#   status <stack>           what runs now against what the stack registered
#   check-image <image>      validate an image reference (Docker's grammar, tag or digest required)
#
# Run it from the project root, logged in to the stack's backend. Needs pulumi; up, preview and
# status also need aws and jq; record also needs git.
set -euo pipefail

poll_seconds=${DEPLOY_IMAGE_POLL_SECONDS:-15}
# After the deadline the tool stops the deployment (CodeDeploy rolls back) and waits this long for it.
stop_wait_seconds=${DEPLOY_IMAGE_STOP_WAIT_SECONDS:-900}
in_progress_statuses=(Created Queued InProgress Baking Ready)

tool=deploy-image
help_lines=2,24
# Beside this script; no dirname, so a PATH without coreutils still reaches "missing tool" messages.
here=${BASH_SOURCE[0]%/*}
[ "$here" != "${BASH_SOURCE[0]}" ] || here=.
# shellcheck source=scripts/common.sh
source "$here/common.sh"

# Retries an AWS call that may be throttled: a rollout must not die on one failed poll.
aws_retry() {
  local attempt
  for attempt in 1 2 3 4; do
    if aws "$@"; then
      return 0
    fi
    [ "$attempt" -eq 4 ] || sleep $((attempt * poll_seconds / 3))
  done
  die "aws $1 $2 failed four times"
}

# Docker's reference grammar (distribution/reference, go-digest), the same as config.ImageReference.
check_image() {
  local LC_ALL=C
  local ref=$1 dc domain pc name tag digest without_digest
  dc='([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])'
  domain="${dc}(\\.${dc})*(:[0-9]+)?"
  pc='[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*'
  name="(${domain}/)?${pc}(/${pc})*"
  tag='[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}'
  digest='(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})'
  [[ $ref =~ ^${name}(:${tag})?(@${digest})?$ ]] ||
    die "image '$ref' is not a valid reference: [registry[:port]/]path:tag or path@sha256:<64 hex>, path lowercase"
  [ "${#ref}" -le 255 ] || die "image '$ref' is longer than 255 characters (ECS's limit)"
  without_digest=${ref%%@*}
  name=$without_digest
  case "${without_digest##*/}" in *:*) name=${without_digest%:*} ;; esac
  [[ $ref == *@* || ${without_digest##*/} == *:* ]] ||
    die "image '$ref' has no tag or digest; name one (e.g. :1.4.2) so the stack config pins the image"
  [[ $ref == *@* || ${without_digest##*:} != latest ]] ||
    die "image '$ref' uses the moving tag 'latest'; name a build's own tag or a digest"
}

stack_file() {
  local file="Pulumi.$1.yaml"
  [ -f "$file" ] || die "no stack file $file here; run from the project root with an existing stack"
  echo "$file"
}

outputs_json=
work_dir=
cleanup() {
  [ -z "$work_dir" ] || rm -rf "$work_dir"
}
trap cleanup EXIT

load_outputs() {
  outputs_json=$(pulumi stack output --json --stack "$1") ||
    die "cannot read the outputs of stack '$1': does it exist (pulumi stack ls) and are you logged in to its backend?"
  use_stack_region "$1"
}

# Every AWS call goes to the stack's region, whatever region the caller's credentials default to (CI's
# are for us-east-1): the exported region, or for a stack before its first update its stack file's.
use_stack_region() {
  local region
  region=$(jq -r '.region // empty' <<<"$outputs_json")
  if [ -z "$region" ]; then
    region=$(pulumi config get --stack "$1" --config-file "$(stack_file "$1")" aws:region) ||
      die "cannot read aws:region of stack '$1'"
  fi
  export AWS_REGION=$region AWS_DEFAULT_REGION=$region
}

output() {
  local value
  value=$(jq -r --arg name "$1" '.[$name] // empty | if type == "string" then . else tojson end' <<<"$outputs_json")
  [ -n "$value" ] || die "stack output '$1' is missing; run 'pulumi up' for the stack first"
  echo "$value"
}

service_json() {
  aws_retry ecs describe-services --cluster "$(output ecsClusterName)" --services "$(output ecsServiceName)" --output json
}

# What serves production: the primary task set (CODE_DEPLOY), or the service itself.
primary_task_set() {
  service_json | jq -c '.services[0] | ((.taskSets // []) | map(select(.status == "PRIMARY")) | .[0]) // {
             taskDefinition: .taskDefinition, loadBalancers: .loadBalancers,
             capacityProviderStrategy: .capacityProviderStrategy, networkConfiguration: .networkConfiguration }'
}

# The target group production traffic reaches now: the one the primary task set (given, or read)
# registers in.
live_color() {
  local primary=${1:-} target blue green
  [ -n "$primary" ] || primary=$(primary_task_set)
  target=$(jq -r '.loadBalancers[0].targetGroupArn // empty' <<<"$primary")
  blue=$(output blueTargetGroupArn)
  green=$(output greenTargetGroupArn)
  case "$target" in
    "$blue") echo blue ;;
    "$green") echo green ;;
    *) die "cannot tell which target group is live: the primary task set uses '${target:-none}'" ;;
  esac
}

in_progress_deployments() {
  aws_retry deploy list-deployments --application-name "$(output codeDeployApplication)" \
    --deployment-group-name "$(output codeDeployDeploymentGroup)" \
    --include-only-statuses "${in_progress_statuses[@]}" --output json | jq -r '.deployments | join(" ")'
}

record() {
  [ "$#" -eq 2 ] || usage
  local stack=$1 image=$2 file
  check_image "$image"
  file=$(stack_file "$stack")
  need pulumi git
  git ls-files --error-unmatch -- "$file" >/dev/null 2>&1 || die "$file is not tracked by git; commit it first"
  [ -z "$(git status --porcelain -- "$file")" ] ||
    die "$file has uncommitted changes; commit or stash them first, so the release commit holds only the image"
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
# committed file never records it (CodeDeploy changes it with every release). A preview during a
# deployment goes ahead with what serves production at that moment; an update waits for the end.
observed_config=
unprotected_alb=
observe() {
  local stack=$1 mode=$2 file live=blue busy
  file=$(stack_file "$stack")
  need pulumi aws jq
  load_outputs "$stack"
  # A new stack, or one that was rolling until now, has only blue.
  if [ "$(jq -r '.deploymentStrategy // empty' <<<"$outputs_json")" = "blueGreen" ]; then
    busy=$(in_progress_deployments)
    if [ -n "$busy" ]; then
      [ "$mode" = preview ] ||
        die "CodeDeploy deployment $busy is in progress; let it finish (or stop it) before changing the stack"
      echo "warning: CodeDeploy deployment $busy is in progress; previewing against what serves production now" >&2
    fi
    live=$(live_color)
    echo "blue/green: $live serves production; every forward this update declares names it"
  fi
  work_dir=$(mktemp -d)
  observed_config="$work_dir/Pulumi.$stack.yaml"
  cp "$file" "$observed_config"
  pulumi config set --stack "$stack" --config-file "$observed_config" --path storefront:deployment.liveTargetGroup "$live"
  observe_engine_version "$mode"
}

# The Aurora version that runs now: AWS upgrades a minor version at its end of life even with automatic
# upgrades off, and declaring the older one would make the update try a downgrade (the program declares
# the newer of the two). A filter, not --db-cluster-identifier: a stack before its first up has none.
observe_engine_version() {
  local mode=$1 cluster running
  cluster=$(jq -r '.dbClusterIdentifier // empty' <<<"$outputs_json")
  [ -n "$cluster" ] || return 0
  running=$(aws_retry rds describe-db-clusters --filters "Name=db-cluster-id,Values=$cluster" --output text \
    --query 'DBClusters[0].EngineVersion')
  if [ -z "$running" ] || [ "$running" = None ]; then
    return 0
  fi
  pulumi config set --stack "$stack" --config-file "$observed_config" --path storefront:database.runningEngineVersion "$running"
  # The state still records the version before AWS's upgrade: refresh the cluster and its instances, or the
  # update would send the version they already run as a change. Only before an update: a preview (pull
  # requests) writes nothing to the state, and shows that version change instead.
  [ "$mode" = up ] || return 0
  local state recorded targets=()
  state=$(pulumi stack export --stack "$stack")
  recorded=$(jq -r '[.deployment.resources[] | select(.type == "aws:rds/cluster:Cluster") | .outputs.engineVersion][0] // empty' <<<"$state")
  if [ -n "$recorded" ] && [ "$recorded" != "$running" ]; then
    while IFS= read -r urn; do
      targets+=(--target "$urn")
    done < <(jq -r '.deployment.resources[] | select(.type == "aws:rds/cluster:Cluster" or .type == "aws:rds/clusterInstance:ClusterInstance") | .urn' <<<"$state")
    echo "AWS runs Aurora $running, the state records $recorded: refreshing the cluster and its instances first"
    pulumi refresh --stack "$stack" --yes --skip-preview "${targets[@]}"
  fi
}

# AWS Backup backs Aurora up only where the region's Aurora opt-in is on, even for a selection by ARN,
# and skips it silently otherwise. It is an account-wide setting of the region: checked, never set here
# (README, DR: how to turn it on without touching other resource types).
check_aurora_opt_in() {
  local stack=$1 enabled opted
  enabled=$(jq -r '.drEnabled // empty' <<<"$outputs_json")
  [ -n "$enabled" ] || enabled=$(config_value "$stack" storefront:dr.enabled)
  [ "$enabled" = true ] || return 0
  opted=$(aws_retry backup describe-region-settings --output text --query 'ResourceTypeOptInPreference.Aurora')
  case "$opted" in
    True | true) ;;
    *) die "AWS Backup's Aurora opt-in is off in $AWS_REGION, so the stack's Aurora cluster is never backed up or copied to DR. Turn it on (it changes only Aurora): aws backup update-region-settings --region $AWS_REGION --resource-type-opt-in-preference Aurora=true" ;;
  esac
}

preview() {
  [ "$#" -ge 1 ] || usage
  local stack=$1
  shift
  observe "$stack" preview
  pulumi preview --stack "$stack" --config-file "$observed_config" --diff "$@"
}

# A stage that logged before the program owned its execution log group has one API Gateway created
# (no retention, no key); creating it would fail with ResourceAlreadyExistsException. Import it into
# the state once, as the program names it, so the update only sets its retention and key.
adopt_execution_logs() {
  local stack=$1 api_url api_id stage name level found state parent provider
  api_url=$(jq -r '.apiUrl // empty' <<<"$outputs_json")
  [ -n "$api_url" ] || return 0
  [ -z "$(jq -r '.apiExecutionLogGroupName // empty' <<<"$outputs_json")" ] || return 0
  level=$(config_value "$stack" storefront:api.executionLogLevel)
  [ "$level" != off ] || return 0
  api_id=${api_url#https://}
  api_id=${api_id%%.*}
  stage=${api_url##*/}
  name="API-Gateway-Execution-Logs_${api_id}/${stage}"
  found=$(aws_retry logs describe-log-groups --output text --log-group-name-prefix "$name" \
    --query "length(logGroups[?logGroupName=='$name'])")
  [ "$found" = 1 ] || return 0
  state=$(pulumi stack export --stack "$stack")
  parent=$(jq -r '.deployment.resources[] | select(.type == "storefront:api:ApiGateway") | .urn' <<<"$state")
  provider=$(jq -r '.deployment.resources[] | select(.type == "pulumi:providers:aws") | .urn | select(endswith("::aws-primary"))' <<<"$state")
  if [ -z "$parent" ] || [ -z "$provider" ]; then
    die "cannot find the API Gateway component or the primary provider in the state of '$stack'"
  fi
  echo "adopting $name (created by API Gateway) into the stack: this update sets its retention and key"
  # Unprotected (pulumi import protects by default): the program decides, and turning the API off must delete it.
  pulumi import --stack "$stack" --yes --generate-code=false --protect=false aws:cloudwatch/logGroup:LogGroup \
    api-gateway-api-execution-logs "$name" --parent "api-gateway=$parent" --provider "aws-primary=$provider"
}

# The value of a key in the observed stack file, empty when unset; any other failure stops the tool
# (a key that cannot be read must not pass for one that is not set).
config_value() {
  local out
  if out=$(pulumi config get --stack "$1" --config-file "$observed_config" --path "$2" 2>&1); then
    printf '%s' "$out"
  elif [[ $out != *"not found"* ]]; then
    die "cannot read $2 of stack '$1': $out"
  fi
}

# A switch between the internal ALB (no tls.domainName) and the internet-facing one (with it)
# replaces the ALB, deleting the old one first (its name is fixed). AWS refuses that while deletion
# protection is on, and by then Pulumi has removed the old ALB's listeners: the update would stop
# with the API down. Switch protection off just before; the update switches it on for the new ALB.
prepare_alb_replacement() {
  local stack=$1 dns host name domain want lb have arn protected
  dns=$(jq -r '.albDnsName // empty' <<<"$outputs_json")
  [ -n "$dns" ] || return 0
  # An assignment, so a failed read stops the tool (inside [ ] it would read as empty).
  domain=$(config_value "$stack" storefront:tls.domainName)
  if [ -n "$domain" ]; then want=internet-facing; else want=internal; fi
  host=${dns%%.*}
  host=${host#internal-}
  name=${host%-*}
  # Not --names: an ALB that a failed update already deleted is no error, there is nothing to prepare.
  lb=$(aws_retry elbv2 describe-load-balancers --output text \
    --query "LoadBalancers[?LoadBalancerName=='$name'].[LoadBalancerArn,Scheme] | [0]")
  read -r arn have <<<"$lb"
  if [ -z "$arn" ] || [ "$arn" = None ] || [ "$have" = "$want" ]; then
    return 0
  fi
  echo "the ALB $name becomes $want: Pulumi replaces it (the API is down until the new one serves; see README)"
  protected=$(aws_retry elbv2 describe-load-balancer-attributes --load-balancer-arn "$arn" --output text \
    --query "Attributes[?Key=='deletion_protection.enabled'].Value | [0]")
  if [ "$protected" = true ]; then
    echo "switching deletion protection off on the ALB being replaced (the update turns it on for the new one)"
    aws_retry elbv2 modify-load-balancer-attributes --load-balancer-arn "$arn" \
      --attributes Key=deletion_protection.enabled,Value=false >/dev/null
    unprotected_alb=$arn
  fi
}

# After a failed update: an ALB that is still there gets its deletion protection back.
restore_alb_protection() {
  [ -n "$unprotected_alb" ] || return 0
  local out still
  out=$(aws elbv2 describe-load-balancers --output text \
    --query "LoadBalancers[?LoadBalancerArn=='$unprotected_alb'].LoadBalancerArn | [0]" 2>/dev/null) || return 0
  read -r still _ <<<"$out"
  if [ "$still" = "$unprotected_alb" ]; then
    echo "the update failed; switching deletion protection on again for $unprotected_alb" >&2
    aws elbv2 modify-load-balancer-attributes --load-balancer-arn "$unprotected_alb" \
      --attributes Key=deletion_protection.enabled,Value=true >/dev/null || true
  fi
}

# Without api.manageAccountLogging the program no longer declares the region's API Gateway account
# setting (or the role it created for it). Removing them must not reset the setting or delete the
# role other APIs log through, whatever an older version recorded: mark them retained in the state,
# so the update drops them from the stack and leaves them in AWS as they are. (Deleting them from
# the state would be refused: the stage depends on the setting.)
release_account_logging() {
  local stack=$1 managed state retained work
  [ -n "$(jq -r '.apiUrl // empty' <<<"$outputs_json")" ] || return 0
  managed=$(config_value "$stack" storefront:api.manageAccountLogging)
  [ "$managed" != true ] || return 0
  state=$(pulumi stack export --stack "$stack")
  local select='.deployment.resources[] | select((.type == "aws:apigateway/account:Account"
      or (.type == "aws:iam/rolePolicyAttachment:RolePolicyAttachment" and (.urn | test("::(api-gateway-)?apigateway-cloudwatch-policy$")))
      or (.type == "aws:iam/role:Role" and (.urn | test("::(api-gateway-)?apigateway-cloudwatch-role$")))) and (.retainOnDelete | not))'
  retained=$(jq -r "$select | .urn" <<<"$state")
  [ -n "$retained" ] || return 0
  echo "keeping the region's API Gateway logging setting as it is (api.manageAccountLogging is off); the stack forgets:"
  echo "$retained"
  work=$(mktemp -d)
  jq "($select).retainOnDelete = true" <<<"$state" >"$work/state.json"
  pulumi stack import --stack "$stack" --file "$work/state.json"
  rm -rf "$work"
}

up() {
  [ "$#" -ge 1 ] || usage
  local stack=$1 started status
  shift
  observe "$stack" up
  check_aurora_opt_in "$stack"
  adopt_execution_logs "$stack"
  release_account_logging "$stack"
  # Last, so nothing else can fail between switching ALB protection off and the update.
  prepare_alb_replacement "$stack"
  started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  pulumi up --stack "$stack" --config-file "$observed_config" --yes "$@" || {
    status=$?
    restore_alb_protection
    exit "$status"
  }

  load_outputs "$stack"
  case "$(output deploymentStrategy)" in
    rolling) check_rolling "$started" ;;
    blueGreen) roll_out ;;
    *) die "unknown deployment strategy '$(output deploymentStrategy)'" ;;
  esac
}

# The program already fails an update whose new revision ECS rolled back; a deployment of the same
# revision (new capacity split, network, forced) can be rolled back too, so look at every deployment
# this update started.
check_rolling() {
  local since=$1 rolled_back
  rolled_back=$(aws_retry ecs list-service-deployments --cluster "$(output ecsClusterName)" \
    --service "$(output ecsServiceName)" --created-at "after=$since" --output json |
    jq -r '.serviceDeployments // [] | map(select(.status | startswith("ROLLBACK")))
           | map("\(.status): \(.statusReason // "no reason given") (\(.serviceDeploymentArn))") | .[]')
  if [ -n "$rolled_back" ]; then
    echo "$rolled_back" >&2
    die "ECS rolled back a deployment of this update; the service runs the previous version. See 'aws ecs describe-service-deployments' and the task logs"
  fi
  echo "rolling: ECS runs $(output taskDefinitionArn)"
}

# Deploys the revision Pulumi registered, unless ECS already runs it with the configured capacity
# split and network configuration.
roll_out() {
  local registered template primary running wanted_split running_split wanted_network running_network
  local request deployment
  registered=$(output taskDefinitionArn)
  template=$(output codeDeployAppSpecTemplate)
  primary=$(primary_task_set)
  running=$(jq -r '.taskDefinition // empty' <<<"$primary")
  running_split=$(jq -c '[.capacityProviderStrategy // [] | .[] | {p: .capacityProvider, b: (.base // 0), w: .weight}]
                         | sort_by(.p)' <<<"$primary")
  wanted_split=$(jq -c '[.Resources[0].TargetService.Properties.CapacityProviderStrategy // [] | .[]
                         | {p: .CapacityProvider, b: (.Base // 0), w: .Weight}] | sort_by(.p)' <<<"$template")
  running_network=$(jq -c '.networkConfiguration.awsvpcConfiguration // {}
                           | {s: ((.subnets // []) | sort), g: ((.securityGroups // []) | sort)}' <<<"$primary")
  wanted_network=$(jq -c '.Resources[0].TargetService.Properties.NetworkConfiguration.AwsvpcConfiguration // {}
                          | {s: ((.Subnets // []) | sort), g: ((.SecurityGroups // []) | sort)}' <<<"$template")
  if [ "$running" = "$registered" ] && [ "$running_split" = "$wanted_split" ] && [ "$running_network" = "$wanted_network" ]; then
    echo "blue/green: ECS already runs $registered; nothing to roll out"
    return 0
  fi
  request=$(jq -n --arg content "${template//<TASK_DEFINITION>/$registered}" \
    '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
  # CodeDeploy allows 100 characters of description.
  deployment=$(aws_retry deploy create-deployment --application-name "$(output codeDeployApplication)" \
    --deployment-group-name "$(output codeDeployDeploymentGroup)" --revision "$request" \
    --description "storefront release ${registered##*/}" --output json | jq -r '.deploymentId')
  case "$deployment" in "" | null) die "CodeDeploy did not start a deployment" ;; esac
  echo "CodeDeploy deployment $deployment: ${running:-none} -> $registered"
  wait_for "$deployment" "$(output rolloutTimeoutMinutes)"
}

deployment_info() {
  aws_retry deploy get-deployment --deployment-id "$1" --output json | jq -c '.deploymentInfo'
}

# Polls until CodeDeploy reports the end, for as long as the configured shift and termination wait need.
wait_for() {
  local deployment=$1 minutes=$2 deadline info status last=""
  deadline=$(($(date +%s) + minutes * 60))
  while :; do
    info=$(deployment_info "$deployment")
    status=$(jq -r '.status' <<<"$info")
    [ "$status" = "$last" ] || echo "deployment $deployment: $status"
    last=$status
    case "$status" in
      Succeeded)
        echo "deployment $deployment succeeded: production runs $(output taskDefinitionArn)"
        return 0
        ;;
      Failed | Stopped) report_failure "$deployment" "$info" ;;
    esac
    if [ "$(date +%s)" -ge "$deadline" ]; then
      give_up "$deployment" "$minutes"
    fi
    sleep "$poll_seconds"
  done
}

report_failure() {
  local deployment=$1 info=$2
  jq -r '"CodeDeploy: \(.errorInformation.code // "no error code"): \(.errorInformation.message // "no message")",
         (select(.rollbackInfo != null) | .rollbackInfo
           | "rollback: \(.rollbackMessage // "") \(.rollbackDeploymentId // "" | if . == "" then "" else "(deployment \(.))" end)")' \
    <<<"$info" >&2
  die "deployment $deployment $(jq -r .status <<<"$info"); production stays on the previous revision. Fix the release and record it again (or revert the image commit)"
}

# Past the longest a deployment can legitimately take: stop it (CodeDeploy rolls back) and report that.
give_up() {
  local deployment=$1 minutes=$2 until info status
  echo "deployment $deployment is still running after $minutes minutes (traffic shift + termination wait + margin); stopping it with rollback" >&2
  aws_retry deploy stop-deployment --deployment-id "$deployment" --auto-rollback-enabled --output json >/dev/null
  until=$(($(date +%s) + stop_wait_seconds))
  while [ "$(date +%s)" -lt "$until" ]; do
    info=$(deployment_info "$deployment")
    status=$(jq -r '.status' <<<"$info")
    case "$status" in
      Failed | Stopped) report_failure "$deployment" "$info" ;;
      Succeeded) die "deployment $deployment finished as Succeeded while being stopped; check production" ;;
    esac
    sleep "$poll_seconds"
  done
  die "deployment $deployment did not stop within $((stop_wait_seconds / 60)) minutes: aws deploy get-deployment --deployment-id $deployment"
}

status() {
  [ "$#" -eq 1 ] || usage
  local stack=$1 primary running image
  need pulumi aws jq
  load_outputs "$stack"
  primary=$(primary_task_set)
  running=$(jq -r '.taskDefinition // empty' <<<"$primary")
  image=$(aws_retry ecs describe-task-definition --task-definition "$running" --output json |
    jq -r --arg name "$(output containerName)" '.taskDefinition.containerDefinitions[] | select(.name == $name) | .image')
  echo "strategy:   $(output deploymentStrategy)"
  echo "registered: $(output taskDefinitionArn)"
  echo "running:    $running ($image)"
  if [ "$(output deploymentStrategy)" = "blueGreen" ]; then
    echo "live:       $(live_color "$primary")"
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
