#!/usr/bin/env bash
# docs/embedding.md, "Install": checks that `mvn install` publishes usable coordinates. Installs every
# module into a COPY of the local Maven repository (never into ~/.m2), then builds a consumer project
# outside the reactor — this folder's pom, with no parent, depending on qtrust-core, -adapters-xml and
# -adapters-crypto by their coordinates only — around example (a), and runs it.
#   examples/consumer/check-install.sh [REPO_COPY]     (default /tmp/m2-qtrust-check; run from anywhere)
# REUSE=1 skips the copy and the install (the copy already holds this checkout's modules).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
repo="${1:-/tmp/m2-qtrust-check}"
if [ "${REUSE:-0}" != 1 ]; then
  rm -rf "$repo"
  mkdir -p "$repo"
  if [ -d "$HOME/.m2/repository" ]; then cp -r "$HOME/.m2/repository/." "$repo/"; fi
  (cd "$root" && mvn -B -q install -DskipTests -DskipCdsArchive -Dmaven.repo.local="$repo")
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src/main/java/org/qtrust/examples"
cp "$root/examples/consumer/pom.xml" "$work/"
cp "$root/examples/src/main/java/org/qtrust/examples/OfflineDecision.java" "$work/src/main/java/org/qtrust/examples/"
shared="$(cd "$root/../shared" && pwd)"
out="$(cd "$work" && mvn -B -q -Dmaven.repo.local="$repo" -Dqtrust.shared="$shared" compile exec:java \
  -Dexec.mainClass=org.qtrust.examples.OfflineDecision)"
printf '%s\n' "$out" | head -3
printf '%s\n' "$out" | grep -q '^verdict: trusted (ok)' || { echo "check-install: the consumer did not decide as expected" >&2; exit 1; }
echo "check-install: a project outside the reactor resolved the coordinates from $repo, compiled and ran example (a)"
