#!/usr/bin/env bash
# Helpers the release tools share; sourced, never run. The sourcing script sets `tool` (its name in
# messages) and `help_lines` (the sed range of its header comment that usage prints).

die() {
  echo "${tool:-script}: $*" >&2
  exit 1
}

usage() {
  sed -n "${help_lines:?the sourcing script sets help_lines}p" "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

need() {
  local name
  for name in "$@"; do
    command -v "$name" >/dev/null 2>&1 || die "missing tool: $name (install it and retry)"
  done
}
