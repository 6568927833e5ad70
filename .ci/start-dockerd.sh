#!/usr/bin/env bash
# A Docker engine for the compose stack test, started when none answers.
#
# An engine that already answers (DOCKER_HOST, or the default socket) is used as it is.
# Otherwise this starts the Debian `dockerd` (installed by .ci/install-system-deps.sh) on a
# socket, data root and exec root of its own, so it shares nothing with a system engine and
# image layers stay cached between runs. Prints the DOCKER_HOST to use on its last line;
# exits 1 with one line saying why when no engine can run here.
set -euo pipefail

SOCKET=${CLAIMSTREAM_DOCKERD_SOCKET:-/run/claimstream-docker.sock}
DATA_ROOT=${CLAIMSTREAM_DOCKERD_DATA_ROOT:-/var/lib/claimstream-docker}
EXEC_ROOT=/run/claimstream-docker
LOG=/var/log/claimstream-dockerd.log
OWN_HOST="unix://$SOCKET"

answers() { DOCKER_HOST="$1" timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; }

if ! command -v docker >/dev/null 2>&1; then
  echo "no docker client installed (run .ci/install-system-deps.sh)" >&2
  exit 1
fi
if [ -n "${DOCKER_HOST:-}" ] && answers "$DOCKER_HOST"; then
  echo "$DOCKER_HOST"
  exit 0
fi
if answers "unix:///var/run/docker.sock"; then
  echo "unix:///var/run/docker.sock"
  exit 0
fi
if answers "$OWN_HOST"; then
  echo "$OWN_HOST"
  exit 0
fi
if ! command -v dockerd >/dev/null 2>&1; then
  echo "no Docker engine answers and dockerd is not installed (run .ci/install-system-deps.sh)" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "no Docker engine answers and starting dockerd needs root" >&2
  exit 1
fi

# One start at a time: concurrent test runs wait here, then find the engine answering.
exec 9>"$EXEC_ROOT.lock"
flock 9
if ! answers "$OWN_HOST"; then
  mkdir -p "$DATA_ROOT" "$EXEC_ROOT"
  # --bridge=none: no docker0, so a system engine can still start beside this one; the stack
  # runs on its own compose network and image builds use --network host.
  setsid dockerd --host "$OWN_HOST" --data-root "$DATA_ROOT" --exec-root "$EXEC_ROOT" \
    --pidfile "$EXEC_ROOT.pid" --bridge=none --storage-driver=overlay2 \
    </dev/null >>"$LOG" 2>&1 9>&- &
  for _ in $(seq 60); do
    answers "$OWN_HOST" && break
    kill -0 $! 2>/dev/null || break
    sleep 1
  done
  if ! answers "$OWN_HOST"; then
    echo "dockerd did not come up: $(tail -n 1 "$LOG")" >&2
    exit 1
  fi
fi
echo "$OWN_HOST"
