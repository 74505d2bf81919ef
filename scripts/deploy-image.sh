#!/usr/bin/env bash
# Rolls a new API image out to the current Pulumi stack, in the stack's deployment mode:
#   rolling   - the image is stack config: sets storefront:service.image and runs `pulumi up`
#   blueGreen - registers a task-definition revision with the image and starts a CodeDeploy
#               deployment from the stack's AppSpec template, then waits for the result
# Usage: scripts/deploy-image.sh <image-reference>
# Run it from the project root with the stack selected (pulumi stack select <stack>).
set -euo pipefail

die() {
  echo "deploy-image: $*" >&2
  exit 1
}

usage() {
  echo "usage: $0 <image-reference>   e.g. 123456789012.dkr.ecr.us-east-2.amazonaws.com/storefront-api-prod:1.4.2" >&2
  exit 2
}

[ "$#" -eq 1 ] || usage
image=$1
[ -n "$image" ] || usage
# The tag or digest sits in the last path segment (a registry host may carry a port).
case "${image##*/}" in
  *:* | *@*) ;;
  *) die "image '$image' has no tag or digest; tags are immutable in the stack's ECR, so name one" ;;
esac

for tool in pulumi aws jq; do
  command -v "$tool" >/dev/null 2>&1 || die "missing tool: $tool (install it and retry)"
done

output() {
  pulumi stack output "$1" 2>/dev/null || die "stack output '$1' is missing; run 'pulumi up' first"
}

strategy=$(output deploymentStrategy)
if [ "$strategy" = "rolling" ]; then
  echo "rolling deployment: updating stack config and running pulumi up"
  pulumi config set --path storefront:service.image "$image"
  pulumi up
  exit 0
fi
[ "$strategy" = "blueGreen" ] || die "unknown deployment strategy '$strategy'"

family=$(output taskDefinitionFamily)
container=$(output containerName)
application=$(output codeDeployApplication)
group=$(output codeDeployDeploymentGroup)
template=$(output codeDeployAppSpecTemplate)

echo "registering a revision of $family with $image"
current=$(aws ecs describe-task-definition --task-definition "$family" --query taskDefinition --output json)
revision=$(jq --arg image "$image" --arg name "$container" '
  (.containerDefinitions[] | select(.name == $name) | .image) = $image
  | del(.taskDefinitionArn, .revision, .status, .requiresAttributes, .compatibilities, .registeredAt, .registeredBy)' \
  <<<"$current")
task_definition=$(aws ecs register-task-definition --cli-input-json "$revision" \
  --query taskDefinition.taskDefinitionArn --output text)

appspec=${template//<TASK_DEFINITION>/$task_definition}
request=$(jq -n --arg content "$appspec" '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}')
deployment=$(aws deploy create-deployment --application-name "$application" --deployment-group-name "$group" \
  --revision "$request" --query deploymentId --output text)
echo "CodeDeploy deployment $deployment started (traffic shifts per the group's configuration)"

if ! aws deploy wait deployment-successful --deployment-id "$deployment"; then
  aws deploy get-deployment --deployment-id "$deployment" \
    --query 'deploymentInfo.[status, errorInformation.code, errorInformation.message]' --output text >&2 || true
  die "deployment $deployment did not succeed (CodeDeploy rolls back on failure or on the 5XX alarm)"
fi
echo "deployment $deployment succeeded"
echo "keep the stack config in step: pulumi config set --path storefront:service.image $image"
