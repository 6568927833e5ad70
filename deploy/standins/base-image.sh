#!/usr/bin/env bash
# A local Debian bookworm image with Debian's Python 3.11, for machines that cannot pull
# images: made by debootstrap from the Debian mirror apt uses here, then `docker import`.
# It trusts the certificates the host trusts (/usr/local/share/ca-certificates) and pip uses
# them, so builds on it reach the same package mirrors the host does.
#
#   deploy/standins/base-image.sh [NAME]     # default claimstream-base:bookworm-python3.11
#
# Does nothing when the image exists already. Needs root, debootstrap and a Docker engine.
set -euo pipefail

NAME=${1:-claimstream-base:bookworm-python3.11}
PACKAGES=python3,python3-venv,python-is-python3,ca-certificates

if docker image inspect "$NAME" >/dev/null 2>&1; then
  echo "base image: $NAME present"
  exit 0
fi

mirror=$(apt-get indextargets --format '$(RELEASE) $(REPO_URI)' 2>/dev/null \
  | awk '$1 == "bookworm" { print $2; exit }')
mirror=${mirror:-http://deb.debian.org/debian/}

root=$(mktemp -d /var/tmp/claimstream-base.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "base image: debootstrap bookworm from $mirror"
debootstrap --variant=minbase --include="$PACKAGES" bookworm "$root" "$mirror" >"$root.log" 2>&1 \
  || { tail -n 20 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"

if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$root/usr/local/share/ca-certificates/"
  chroot "$root" update-ca-certificates >/dev/null
fi
printf '[global]\ncert = /etc/ssl/certs/ca-certificates.crt\n' >"$root/etc/pip.conf"
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/tmp/*

tar -C "$root" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' - "$NAME" >/dev/null
echo "base image: $NAME imported"
