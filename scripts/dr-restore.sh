#!/usr/bin/env bash
# Restores the stack's Aurora cluster in the DR region from the newest recovery point AWS Backup
# copied there, adds its writer, hands its master password to Secrets Manager (DR key) and prints
# the endpoint. Nothing in the primary region is touched, so it doubles as the restore test.
#
#   dr-restore.sh <stack> [--name <cluster-id>] [--recovery-point <arn>]
#
#   --name            the restored cluster's identifier (default: <dbClusterIdentifier>-dr); use a
#                     name of its own for a test restore, and delete it afterwards (README, DR)
#   --recovery-point  restore this recovery point instead of the newest completed one
#
# A cluster of that name that exists already (an interrupted run) is waited for and completed, not
# restored again; --recovery-point is then ignored.
#
# Reads the stack output drRestore (pulumi stack output), so run it from the project root, logged in
# to the stack's backend, with AWS credentials for the account. Needs pulumi, aws and jq.
set -euo pipefail

poll_seconds=${DR_RESTORE_POLL_SECONDS:-30}
# An Aurora restore takes from minutes to hours with the size of the data.
restore_timeout_seconds=${DR_RESTORE_TIMEOUT_SECONDS:-21600}

tool=dr-restore
help_lines=2,16
# Beside this script; no dirname, so a PATH without coreutils still reaches "missing tool" messages.
here=${BASH_SOURCE[0]%/*}
[ "$here" != "${BASH_SOURCE[0]}" ] || here=.
# shellcheck source=scripts/common.sh
source "$here/common.sh"

fact() {
  jq -r --arg key "$1" '.drRestore[$key] // empty' <<<"$outputs"
}

dr() {
  aws --region "$region" "$@"
}

# The newest COMPLETED Aurora recovery point in the DR vault, preferring those of the stack's cluster.
latest_recovery_point() {
  local points
  points=$(dr backup list-recovery-points-by-backup-vault --backup-vault-name "$vault" --by-resource-type Aurora \
    --output json)
  jq -r --arg source "$(fact sourceClusterArn)" '
    [.RecoveryPoints[] | select(.Status == "COMPLETED")] as $done
    | ([$done[] | select(.ResourceArn == $source)] | if length > 0 then . else $done end)
    | sort_by(.CreationDate) | last | .RecoveryPointArn // empty' <<<"$points"
}

# AWS Backup's restore metadata of the point, pointed at the DR region: a new identifier, the DR
# subnet group, security group and key; the source region's zones and parameter groups removed.
restore_metadata() {
  local metadata
  metadata=$(dr backup get-recovery-point-restore-metadata --backup-vault-name "$vault" \
    --recovery-point-arn "$recovery_point" --output json)
  jq --arg id "$name" --arg subnets "$(fact subnetGroupName)" --arg sg "$(fact securityGroupId)" \
    --arg key "$(fact kmsKeyArn)" '
    .RestoreMetadata
    | with_entries(select(.key | ascii_downcase
        | IN("availabilityzones", "dbclusterparametergroupname", "optiongroupname", "dbclusteridentifier",
             "dbsubnetgroupname", "vpcsecuritygroupids", "kmskeyid") | not))
    + {DBClusterIdentifier: $id, DBSubnetGroupName: $subnets, VpcSecurityGroupIds: ([$sg] | tojson),
       KmsKeyId: $key, CopyTagsToSnapshot: "true"}' <<<"$metadata"
}

wait_for_restore() {
  local job=$1 waited=0 info status
  while :; do
    info=$(dr backup describe-restore-job --restore-job-id "$job" --output json)
    status=$(jq -r '.Status' <<<"$info")
    echo "restore job $job: $status"
    case "$status" in
      COMPLETED) return 0 ;;
      FAILED | ABORTED) die "restore job $job ended $status: $(jq -r '.StatusMessage // "no message"' <<<"$info")" ;;
    esac
    [ "$waited" -lt "$restore_timeout_seconds" ] ||
      die "restore job $job is still $status after $((waited / 60)) minutes; follow it with: aws --region $region backup describe-restore-job --restore-job-id $job"
    sleep "$poll_seconds"
    waited=$((waited + poll_seconds))
  done
}

exists() {
  local kind=$1 id=$2
  case "$kind" in
    cluster) dr rds describe-db-clusters --filters "Name=db-cluster-id,Values=$id" --output json | jq '.DBClusters | length' ;;
    instance) dr rds describe-db-instances --filters "Name=db-instance-id,Values=$id" --output json | jq '.DBInstances | length' ;;
  esac
}

# Until the cluster is available again and its new master secret active: "available" can still be
# reported for a moment right after a modification, and an instance added then would be refused.
wait_until_ready() {
  local waited=0 cluster status secret
  sleep "$poll_seconds"
  while :; do
    cluster=$(dr rds describe-db-clusters --db-cluster-identifier "$name" --output json)
    status=$(jq -r '.DBClusters[0].Status' <<<"$cluster")
    secret=$(jq -r '.DBClusters[0].MasterUserSecret.SecretStatus // "active"' <<<"$cluster")
    [ "$status" = available ] && [ "$secret" = active ] && return 0
    echo "cluster $name: $status (master secret: $secret)"
    [ "$waited" -lt "$restore_timeout_seconds" ] || die "cluster $name is still $status after $((waited / 60)) minutes"
    sleep "$poll_seconds"
    waited=$((waited + poll_seconds))
  done
}

main() {
  [ "$#" -ge 1 ] || usage
  local stack=$1 job
  shift
  name=
  recovery_point=
  while [ "$#" -gt 0 ]; do
    case "$1" in
      --name) name=${2:?--name needs a value}; shift 2 ;;
      --recovery-point) recovery_point=${2:?--recovery-point needs a value}; shift 2 ;;
      *) usage ;;
    esac
  done
  need pulumi aws jq
  outputs=$(pulumi stack output --json --stack "$stack") ||
    die "cannot read the outputs of stack '$stack': does it exist and are you logged in to its backend?"
  [ -n "$(fact region)" ] || die "stack '$stack' has no drRestore output: is storefront:dr.enabled on, and has it been deployed?"
  region=$(fact region)
  vault=$(fact vaultName)
  [ -n "$name" ] || name="$(jq -r '.dbClusterIdentifier' <<<"$outputs")-dr"

  # A rerun after an interruption goes on with the cluster it already restored.
  if [ "$(exists cluster "$name")" -gt 0 ]; then
    echo "$name exists in $region: no new restore, going on with its writer"
  else
    if [ -z "$recovery_point" ]; then
      recovery_point=$(latest_recovery_point)
      [ -n "$recovery_point" ] || die "no completed Aurora recovery point in $vault ($region): check the copy jobs and the backup alarms"
    fi
    echo "restoring $recovery_point into $name ($region)"
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    restore_metadata >"$work/metadata.json"
    job=$(dr backup start-restore-job --recovery-point-arn "$recovery_point" --resource-type Aurora \
      --iam-role-arn "$(fact roleArn)" --metadata "file://$work/metadata.json" --output json | jq -r '.RestoreJobId')
    wait_for_restore "$job"
  fi

  # A resumed run may find the restore still creating the cluster: modify it only once it is available.
  wait_until_ready
  # AWS Backup restores the cluster without instances; a Serverless v2 writer needs the scaling range first.
  local modify=(--db-cluster-identifier "$name" --manage-master-user-password
    --master-user-secret-kms-key-id "$(fact kmsKeyArn)" --apply-immediately)
  if [ "$(fact instanceClass)" = db.serverless ]; then
    modify+=(--serverless-v2-scaling-configuration "MinCapacity=$(fact minAcu),MaxCapacity=$(fact maxAcu)")
  fi
  dr rds modify-db-cluster "${modify[@]}" --output json >/dev/null
  wait_until_ready
  if [ "$(exists instance "$name-1")" -eq 0 ]; then
    dr rds create-db-instance --db-instance-identifier "$name-1" --db-cluster-identifier "$name" \
      --engine aurora-postgresql --db-instance-class "$(fact instanceClass)" --output json >/dev/null
  fi
  echo "waiting for the writer $name-1"
  dr rds wait db-instance-available --db-instance-identifier "$name-1"

  local cluster
  cluster=$(dr rds describe-db-clusters --db-cluster-identifier "$name" --output json)
  echo "restored: $name in $region"
  echo "endpoint: $(jq -r '.DBClusters[0].Endpoint' <<<"$cluster")"
  echo "port: $(jq -r '.DBClusters[0].Port' <<<"$cluster")"
  echo "master secret: $(jq -r '.DBClusters[0].MasterUserSecret.SecretArn // "pending (see the cluster in the console)"' <<<"$cluster")"
}

main "$@"
