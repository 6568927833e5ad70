#!/usr/bin/env bash
# Debian packages the tests run: promtool and prometheus (deploy and scrape tests),
# docker-compose (compose file validation and the compose stack test), docker.io and
# debootstrap (the compose stack test: its engine and its local base image), kcat
# (inspecting topics by hand and in tests). Then a Docker engine, if none answers
# (.ci/start-dockerd.sh). Idempotent: installs only what is missing, and skips
# `apt-get update` when nothing is.
set -euo pipefail
here=$(dirname "$0")

packages=(prometheus docker-compose docker.io debootstrap kcat)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

start_engine() {
  if engine=$(bash "$here/start-dockerd.sh" 2>&1); then
    echo "system deps: Docker engine at ${engine##*$'\n'}"
  else
    echo "system deps: no Docker engine, the compose stack test will skip: $engine"
  fi
}

if [ "${#missing[@]}" -eq 0 ]; then
  echo "system deps: all present (${packages[*]})"
  start_engine
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi

echo "system deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
# The Debian prometheus package starts a server as a service where an init system runs;
# the tests start their own on a free port, so stop it if it came up.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
  "${sudo[@]}" systemctl stop prometheus || true
fi
start_engine
