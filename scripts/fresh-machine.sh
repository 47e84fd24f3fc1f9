#!/usr/bin/env bash
# Fresh-machine check: does `make test` set up and pass on a bare Debian 12 with nothing but this repository?
# Usage: scripts/fresh-machine.sh [--working-tree] [--rebuild-base] [--keep]     (as root)
#   --working-tree  copy the tracked and untracked-not-ignored files instead of cloning the committed HEAD
#   --rebuild-base  build the cached base tarball (var/fresh-machine/base-bookworm.tar) again
#   --keep          leave the root (in /var/tmp/denkraam-fresh-machine.*) afterwards, to look around in it
# The root is `mmdebstrap --variant=minbase bookworm` from the mirrors in this machine's apt sources (read at
# run time) plus `make`, nothing else: python3-venv, node, chromium, PostgreSQL... must come from the project's
# own `make test` (scripts/sysdeps.sh); that is what this checks. It runs in a chroot with CI=true, so no
# test may skip. A fresh machine of this workplace reaches the registries through settings of its own, so
# these, and only these, are copied from the host into the root:
#   - /etc/resolv.conf, /etc/hosts (name lookup); the CA bundle /etc/ssl/certs/ca-certificates.crt and
#     /usr/local/share/ca-certificates/*.crt (so the workplace CA survives the ca-certificates package
#     regenerating the bundle)
#   - apt sources, and the apt.conf.d files no package owns that set Acquire:: (download) options
#   - pip: /etc/pip.conf, /etc/xdg/pip/; npm: /etc/npmrc, /usr/etc/npmrc, /root/.npmrc
#   - environment: PIP_*, NPM_*, npm_config_*, proxy variables, variables naming the CA bundle or folder
#     (but none naming a host path that is not in the root)
# Not copied: Python, node, venvs, pip/npm caches, the host's local wheel folders (/opt/...) and the per-user
# pip.conf pointing at them, the data folders beside the checkout. A policy-rc.d (exit 101) is written, as on this
# workplace's Docker-style machines, so package installs start no service that would outlive the run.
# shellcheck disable=SC2016,SC2317  # hook text is for mmdebstrap; the trap functions are reached indirectly
set -euo pipefail

usage() { sed -n 3p "$0" | sed 's/^# //' >&2; exit 2; }

repo=$(git -C "$(dirname "$(realpath "$0")")" rev-parse --show-toplevel)
state="$repo/var/fresh-machine"
base="$state/base-bookworm.tar"
root=""   # made in main, outside the repository: `make clean` there (rm -rf var) must not meet its mounts
log="$state/make-test.log"
working_tree=false rebuild=false keep=false
for arg in "$@"; do
  case $arg in --working-tree) working_tree=true ;; --rebuild-base) rebuild=true ;; --keep) keep=true ;; *) usage ;; esac
done
[ "$(id -u)" -eq 0 ] || { echo "fresh-machine: run as root (mmdebstrap, chroot and mounts need it)" >&2; exit 2; }

existing() { local f; for f in "$@"; do [ -f "$f" ] && echo "$f"; done; return 0; }
# Apt source files with at least one active line: they carry the mirror, so no host name is written here.
mapfile -t sources < <(for f in $(existing /etc/apt/sources.list /etc/apt/sources.list.d/*.{list,sources}); do
  grep -qE '^[[:space:]]*[^#[:space:]]' "$f" && echo "$f"; done)
# The workplace's own download settings (e.g. no Valid-Until check); package-owned files come with packages.
mapfile -t apt_confs < <(for f in $(existing /etc/apt/apt.conf.d/*); do
  grep -q 'Acquire' "$f" && ! dpkg -S "$f" >/dev/null 2>&1 && echo "$f"; done)
minutes() { awk -v s="$1" 'BEGIN { printf "%.1f", s / 60 }'; }

build_base() {
  if [ -f "$base" ] && ! $rebuild; then echo "fresh-machine: using cached $base"; return 0; fi
  command -v mmdebstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq mmdebstrap >/dev/null; }
  local opts=() f
  for f in "${apt_confs[@]}"; do opts+=(--aptopt="$f"); done
  mkdir -p "$state" && rm -f "$base.part"   # a part left by an interrupted build
  # The apt options are needed to download; the root gets them as separate files in copy_network_settings.
  mmdebstrap --variant=minbase --include=make --format=tar "${opts[@]}" \
    --customize-hook='rm -f "$1/etc/apt/apt.conf.d/99mmdebstrap"' bookworm "$base.part" "${sources[@]}"
  mv "$base.part" "$base"
}

mounts_under_root() { [ -n "$root" ] && awk -v r="$root" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo; }

# Whatever still runs inside the root (a PostgreSQL server a test started, a stray browser) is ours: stop it.
stop_root_processes() {
  local sig p pids
  for sig in TERM KILL; do
    pids=()
    for p in /proc/[0-9]*; do [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && pids+=("${p#/proc/}"); done
    [ ${#pids[@]} -eq 0 ] && return 0
    echo "fresh-machine: sending $sig to ${#pids[@]} process(es) left in the root" >&2
    kill -s "$sig" "${pids[@]}" 2>/dev/null || true
    sleep 3
  done
}

unmount_all() { local m; for m in $(mounts_under_root | sort -r); do umount "$m" 2>/dev/null || umount -l "$m"; done; }

remove_root() {
  [ -d "$root" ] || return 0
  # Never delete through a mount: a leftover /dev or /sys bind would take the host's with it.
  if [ -n "$(mounts_under_root)" ]; then echo "fresh-machine: mounts left under $root, not removing it" >&2; return 1; fi
  rm -rf --one-file-system "$root"
}

cleanup() {   # must not fail: the script's exit code is make's
  stop_root_processes || true
  unmount_all || true
  if $keep; then echo "fresh-machine: root kept in $root"; else remove_root || true; fi
}

copy_into_root() { local f; for f in "$@"; do mkdir -p "$root$(dirname "$f")"; cp -L "$f" "$root$f"; done; }

copy_network_settings() {
  rm -f "$root/etc/apt/sources.list" "$root"/etc/apt/sources.list.d/*
  copy_into_root /etc/resolv.conf /etc/hosts /etc/ssl/certs/ca-certificates.crt "${sources[@]}" "${apt_confs[@]}"
  # shellcheck disable=SC2046  # the names are fixed paths without spaces
  copy_into_root $(existing /usr/local/share/ca-certificates/*.crt /etc/pip.conf /etc/xdg/pip/* \
    /etc/npmrc /usr/etc/npmrc /root/.npmrc)
}

place_repository() {
  local dest="$root/root/denkraam"
  if $working_tree; then
    mkdir -p "$dest"
    # --ignore-failed-read: a tracked file deleted in the working tree is simply absent.
    git -C "$repo" ls-files -z --cached --others --exclude-standard \
      | tar -C "$repo" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$dest" -xpf -
    echo "fresh-machine: copied the working tree of $repo"
  else
    git clone -q --no-hardlinks --no-checkout "$repo" "$dest"
    git -C "$dest" checkout -q --detach "$(git -C "$repo" rev-parse HEAD)"
    echo "fresh-machine: cloned $repo at $(git -C "$dest" log -1 --format='%h %s' | cut -c1-80)"
  fi
}

setup_root() {
  tar -C "$root" --numeric-owner -xpf "$base"
  copy_network_settings
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d" && chmod 755 "$root/usr/sbin/policy-rc.d"
  place_repository
}

mount_all() {
  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"
  mount --bind /dev "$root/dev"   # device nodes; pts and shm are mounted on top
  mount --bind /dev/pts "$root/dev/pts"
  mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"   # its own, Chromium uses it a lot
}

run_make_test() {
  local env=(HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8
    TERM="${TERM:-dumb}" CI=true) name
  for name in $(compgen -e); do
    case $name in
      PIP_* | NPM_* | npm_config_* | http_proxy | https_proxy | no_proxy | HTTP_PROXY | HTTPS_PROXY | NO_PROXY) ;;
      *) [[ ${!name} == /etc/ssl/certs || ${!name} == /etc/ssl/certs/ca-certificates.crt ]] || continue ;;
    esac
    # A path that is not in the root (the host's wheel folder in PIP_FIND_LINKS) would only make pip warn.
    [[ ${!name} != /* || -e $root${!name} ]] && env+=("$name=${!name}")
  done
  chroot "$root" /usr/bin/env -i "${env[@]}" /bin/bash -c 'cd /root/denkraam && make test' </dev/null
}

main() {
  local t0 t1 t2 t3 rc
  t0=$(date +%s); build_base; t1=$(date +%s)
  root=$(realpath "$(mktemp -d /var/tmp/denkraam-fresh-machine.XXXXXX)")   # canonical, as /proc/PID/root shows it
  trap cleanup EXIT
  trap 'echo "fresh-machine: interrupted" >&2; exit 130' INT TERM
  chmod 755 "$root"
  setup_root; mount_all; t2=$(date +%s)
  echo "== make test starts $(date -Is)" | tee "$log"
  set +e; run_make_test 2>&1 | tee -a "$log"; rc=${PIPESTATUS[0]}; set -e
  t3=$(date +%s)
  echo "== make test ends $(date -Is), exit $rc" | tee -a "$log"
  # make's own set-up (apt, pip, npm) counts in the make test minutes; the log shows where pytest starts.
  printf 'fresh-machine: make test %s (exit %d) in %s min [base build %s min, root %s min]; log: %s\n' \
    "$([ "$rc" -eq 0 ] && echo PASSED || echo FAILED)" "$rc" "$(minutes $((t3 - t2)))" \
    "$(minutes $((t1 - t0)))" "$(minutes $((t2 - t1)))" "${log#"$repo"/}"
  exit "$rc"
}

main
