#!/usr/bin/env bash
# PlainPage build script: installs what is missing (pinned versions, skipped when present),
# builds everything, and runs every test tier.
#
#   ./build.sh            build the CLI (and, as they exist, the wasm module and extension)
#   ./build.sh test       every test tier
#   ./build.sh bless      rewrite tests/corpus-floors.txt from the current scores (review the diff)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SHARED="${PLAINPAGE_SHARED:-$ROOT/../shared}"
CORPUS="$SHARED/corpus/readability"
cd "$ROOT"

step() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

need_shared() {
  [ -d "$CORPUS" ] || die "the shared data is missing: expected $CORPUS (set PLAINPAGE_SHARED to its folder)"
}

ensure_rust() {
  command -v cargo >/dev/null || die "cargo is not installed; install Rust with rustup first"
  cargo fmt --version >/dev/null 2>&1 || die "rustfmt is missing: run 'rustup component add rustfmt'"
  cargo clippy --version >/dev/null 2>&1 || die "clippy is missing: run 'rustup component add clippy'"
}

build_native() {
  step "cargo build --release (CLI)"
  cargo build --release --locked
  printf 'built %s\n' "target/release/plainpage"
}

cmd_build() {
  ensure_rust
  build_native
}

cmd_test() {
  ensure_rust
  need_shared
  step "cargo fmt --check"
  cargo fmt --all -- --check
  step "cargo clippy --all-targets -- -D warnings"
  cargo clippy --locked --all-targets -- -D warnings
  build_native
  step "native tests (unit, integration, corpus quality floors)"
  PLAINPAGE_SHARED="$SHARED" cargo test --release --locked
}

cmd_bless() {
  need_shared
  build_native
  step "writing tests/corpus-floors.txt from the current scores"
  ./target/release/plainpage eval "$CORPUS" --bless-floors tests/corpus-floors.txt
  git --no-pager diff --stat -- tests/corpus-floors.txt || true
}

case "${1:-build}" in
  build) cmd_build ;;
  test) cmd_test ;;
  bless) cmd_bless ;;
  *) die "unknown command '$1' (build, test, bless)" ;;
esac
