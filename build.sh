#!/usr/bin/env bash
# PlainPage build script: installs what is missing (pinned versions, skipped when present),
# builds everything, and runs every test tier.
#
#   ./build.sh            build the CLI, the wasm module (www/pkg) and the extension packages
#                         (dist/chrome, dist/firefox, dist/plainpage-<version>-chrome.zip and
#                         dist/plainpage-<version>-firefox.xpi)
#   ./build.sh test       every test tier: fmt, clippy, native tests and corpus floors, a fuzz
#                         smoke run, wasm in headless Chromium and Firefox, the playground, the
#                         extension packages end to end in Chromium and Firefox, `web-ext lint`,
#                         the XSS proof, and a two-page smoke run of the browser benchmark
#   ./build.sh package    the extension packages only (builds www/pkg first if it is missing)
#   ./build.sh e2e        the extension tests only, on the www/pkg already built
#   ./build.sh bless      rewrite tests/corpus-floors.txt, tests/clean-floors.txt,
#                         tests/wcxb-floors.txt and the golden verdicts in tests/golden/ from
#                         the current scores and judgements (review the diff)
#   ./build.sh serve      serve the playground (www/) on http://127.0.0.1:${PORT:-8000}/
#   ./build.sh fuzz [S]   every fuzz target for S seconds (default 60)
#   ./build.sh bench-browser [PAGES]   PlainPage wasm vs Readability.js in Chromium and Firefox
#   ./build.sh bench-latency [PAGES] [ROUNDS]   the extension's waits (idle → cleaned, toggle →
#                         reader painted) split into their parts, in Chromium and Firefox
#   ./build.sh bench-batch [PAGES]     the CLI on all cores vs trafilatura
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
  build_wasm
  package_extension
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
  run_fuzz "${PLAINPAGE_FUZZ_SMOKE_SECONDS:-10}"
  build_wasm
  test_wasm
  test_playground
  # The extension tiers use the wasm build above: packaging copies www/pkg, nothing is rebuilt.
  package_extension
  test_e2e
  lint_extension
  test_xss; bench_browser_smoke; bench_latency_smoke
}

cmd_bless() {
  need_shared
  build_native
  step "writing tests/corpus-floors.txt from the current scores"
  ./target/release/plainpage eval "$CORPUS" --bless-floors tests/corpus-floors.txt
  step "writing tests/clean-floors.txt from the current clean-mode scores"
  ./target/release/plainpage eval --clean --shared "$SHARED" --bless-floors tests/clean-floors.txt >/dev/null || true
  step "writing tests/wcxb-floors.txt from the current WCXB reader scores"
  ./target/release/plainpage eval --wcxb --shared "$SHARED" --bless-floors tests/wcxb-floors.txt >/dev/null || true
  step "writing tests/golden/ from the current verdicts"
  ./target/release/plainpage eval --golden --shared "$SHARED" --bless
  git --no-pager diff --stat -- tests/corpus-floors.txt tests/clean-floors.txt tests/wcxb-floors.txt tests/golden || true
}

# ---- wasm module, playground and browser tests -------------------------------------------------

# Pinned tool versions. wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_PACK_VERSION="0.15.1"
GECKODRIVER_VERSION="0.37.1"
WASM_TARGET="wasm32-unknown-unknown"
WASM_OUT="www/pkg"
# The module is built for size (opt-level "s"); the native CLI keeps the release profile's 3.
WASM_OPT_LEVEL="${PLAINPAGE_WASM_OPT_LEVEL:-s}"
# wasm-opt is npm's binaryen (version pinned in package.json), run from node_modules. Debian's
# binaryen 108 breaks wasm-bindgen's externref table ("Table.set(): Argument 1 is invalid").
WASM_OPT="node_modules/.bin/wasm-opt"
# What rustc's wasm32 target emits and wasm-opt must accept.
WASM_FEATURES=(--enable-bulk-memory --enable-reference-types --enable-sign-ext
  --enable-nontrapping-float-to-int --enable-multivalue --enable-mutable-globals)
# The same arguments as webdriver.json: Chromium runs as root here, and must not reach out.
CHROMIUM_FLAGS="--no-sandbox --headless=new --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-dev-shm-usage --disable-sync --disable-quic"

wasm_bindgen_version() {
  sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock
}

# Installs Debian packages that are missing (apt-get update once, first).
apt_install() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing Debian packages (${missing[*]}) and no apt-get to install them"
  step "apt-get install ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
}

ensure_wasm_tools() {
  ensure_rust
  if ! rustup target list --installed | grep -qx "$WASM_TARGET"; then
    step "rustup target add $WASM_TARGET"
    rustup target add "$WASM_TARGET"
  fi
  local want
  want="$(wasm_bindgen_version)"
  [ -n "$want" ] || die "Cargo.lock has no wasm-bindgen entry"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $want" ]; then
    step "cargo install wasm-bindgen-cli --version $want"
    # Not --locked: the CLI's own lock file names a dependency version the registry no longer has.
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  if [ "$(wasm-pack --version 2>/dev/null)" != "wasm-pack $WASM_PACK_VERSION" ]; then
    step "cargo install wasm-pack --version $WASM_PACK_VERSION"
    cargo install wasm-pack --version "$WASM_PACK_VERSION" --force
  fi
  # wasm-opt comes from npm (see WASM_OPT); wasm-pack's own download is off in Cargo.toml.
  ensure_node_deps
}

build_wasm() {
  ensure_wasm_tools
  step "wasm-pack build --target web --release ($WASM_OUT, opt-level $WASM_OPT_LEVEL)"
  CARGO_PROFILE_RELEASE_OPT_LEVEL="$WASM_OPT_LEVEL" \
    wasm-pack --log-level warn build --target web --release --out-dir "$WASM_OUT" -- --locked
  local wasm="$WASM_OUT/plainpage_bg.wasm"
  step "wasm-opt -Oz ($("$WASM_OPT" --version))"
  "$WASM_OPT" -Oz "${WASM_FEATURES[@]}" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  local raw gz
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9c "$wasm" | wc -c)
  printf 'built %s: %d bytes raw (%d KB), %d bytes gzipped (%d KB; budget 250 KB)\n' \
    "$wasm" "$raw" $((raw / 1024)) "$gz" $((gz / 1024))
  copy_applier
}

# The playground applies verdicts with the extension's own applier: a copy of
# extension/applier.js beside the wasm module in www/pkg (built, never committed), made again by
# every command that serves www/, so it is never older than the extension's. (The in-browser
# benchmark's server serves extension/applier.js itself.)
copy_applier() {
  cp extension/applier.js "$WASM_OUT/applier.js"
}

ensure_browsers() {
  apt_install chromium chromium-driver firefox-esr
  [ -x /usr/bin/chromium ] || die "Chromium is not at /usr/bin/chromium after installing it"
  [ -x /usr/bin/chromedriver ] || die "ChromeDriver is not at /usr/bin/chromedriver after installing it"
  command -v firefox-esr >/dev/null || command -v firefox >/dev/null || die "Firefox is missing after installing firefox-esr"
  if [ "$(geckodriver --version 2>/dev/null | head -n1 | cut -d' ' -f1-2)" != "geckodriver $GECKODRIVER_VERSION" ]; then
    step "cargo install geckodriver --version $GECKODRIVER_VERSION"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --force
  fi
}

ensure_node_deps() {
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -d node_modules/playwright-core ] || [ ! -x "$WASM_OPT" ] || [ ! -x node_modules/.bin/web-ext ] ||
    [ package-lock.json -nt node_modules/.package-lock.json ]; then
    step "npm ci (binaryen, playwright-core, web-ext; never downloads a browser)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
}

# tests/web.rs reads the seed and corpus pages at compile time from ../shared beside the repo.
need_shared_beside() {
  [ -d "$ROOT/../shared/seed" ] || die "the wasm tests read ../shared beside the repo: $ROOT/../shared/seed is missing"
}

# The wasm-bindgen tests run as `wasm-pack test --headless --chrome|--firefox` would run them, but
# through cargo and wasm-bindgen-test-runner directly: wasm-pack test builds every test target
# for wasm32 (`--tests`), and the native integration tests and CLI do not build there.
wasm_test_in() {
  local browser="$1"
  shift
  env "$@" CARGO_PROFILE_RELEASE_OPT_LEVEL="$WASM_OPT_LEVEL" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --release --target "$WASM_TARGET" --no-default-features --test web \
    -- --nocapture || die "wasm-bindgen tests failed in $browser"
}

test_wasm() {
  need_shared_beside
  ensure_wasm_tools
  ensure_browsers
  step "cargo clippy --target $WASM_TARGET --no-default-features --lib --test web -- -D warnings"
  cargo clippy --locked --target "$WASM_TARGET" --no-default-features --lib --test web -- -D warnings
  # webdriver.json (crate root) holds the browsers' arguments; the runner reads it from here.
  step "wasm-bindgen tests in headless Chromium ($(/usr/bin/chromium --version 2>/dev/null))"
  wasm_test_in Chromium CHROMEDRIVER=/usr/bin/chromedriver
  step "wasm-bindgen tests in headless Firefox ($(firefox-esr --version 2>/dev/null || firefox --version))"
  wasm_test_in Firefox GECKODRIVER="$(command -v geckodriver)"
}

test_playground() {
  ensure_node_deps
  need_shared_beside
  copy_applier
  step "playground in headless Chromium (node --test tests/playground)"
  PLAINPAGE_SHARED="$ROOT/../shared" CHROMIUM_FLAGS="$CHROMIUM_FLAGS" \
    node --test --test-reporter=spec tests/playground/
}

# The sanitizer proof (issue 6): every vector of tests/xss/vectors.json through `read`, its
# reader view loaded in headless Chromium and Firefox with and without a CSP; fails if any
# script runs or any request leaves the page. Writes artifacts/xss.md and artifacts/xss.json.
test_xss() {
  ensure_node_deps
  ensure_browsers
  [ -f "$WASM_OUT/plainpage_bg.wasm" ] || build_wasm
  step "XSS vectors through read, in headless Chromium and Firefox (node --test tests/xss)"
  CHROMIUM_FLAGS="$CHROMIUM_FLAGS" node --test --test-reporter=spec tests/xss/
}

# ./build.sh bench-browser [PAGES]: PlainPage wasm (clean, read) against Readability.js in one
# tab of headless Chromium and Firefox, over the corpus (or its first PAGES pages); writes
# artifacts/bench-browser.md and artifacts/bench-browser.json.
cmd_bench_browser() {
  need_shared
  ensure_node_deps
  ensure_browsers
  [ -f "$WASM_OUT/plainpage_bg.wasm" ] || build_wasm
  step "in-browser benchmark: PlainPage wasm vs Readability.js (${1:-all} pages)"
  PLAINPAGE_SHARED="$SHARED" CHROMIUM_FLAGS="$CHROMIUM_FLAGS" \
    node tests/bench-browser/run.mjs --pages "${1:-0}" --out artifacts/bench-browser
}

# The benchmark is not a test: CI only checks that it starts and finishes, on two pages.
bench_browser_smoke() {
  step "in-browser benchmark, smoke run on two pages (artifacts/bench-browser-smoke.md)"
  PLAINPAGE_SHARED="$SHARED" CHROMIUM_FLAGS="$CHROMIUM_FLAGS" \
    node tests/bench-browser/run.mjs --pages 2 --runs 1 --out artifacts/bench-browser-smoke
}

# ./build.sh bench-latency [PAGES] [ROUNDS]: the built extension in headless Chromium and Firefox
# over the corpus (or its first PAGES pages), ROUNDS loads per page (default 3): document idle →
# cleaned and toggle → reader painted, each split into its parts (tests/e2e/lib/latency.mjs), with
# medians and 90th percentiles over the pages; writes artifacts/bench-latency.md and .json.
cmd_bench_latency() {
  need_shared
  ensure_node_deps
  ensure_browsers
  [ -f "$WASM_OUT/plainpage_bg.wasm" ] || build_wasm
  package_extension
  step "latency benchmark: the extension's waits split into their parts (${1:-all} pages, ${2:-3} rounds)"
  PLAINPAGE_SHARED="$SHARED" CHROMIUM_FLAGS="$CHROMIUM_FLAGS" GECKODRIVER="$(command -v geckodriver)" \
    node tests/bench-latency/run.mjs --pages "${1:-0}" --rounds "${2:-3}" --out artifacts/bench-latency
}

# Not a test either: two pages, one round; it fails only when a split is broken (a part missing
# or below zero, the measured parts adding up to more than the whole wait), never on a time.
bench_latency_smoke() {
  step "latency benchmark, smoke run on two pages (artifacts/bench-latency-smoke.md)"
  PLAINPAGE_SHARED="$SHARED" CHROMIUM_FLAGS="$CHROMIUM_FLAGS" GECKODRIVER="$(command -v geckodriver)" \
    node tests/bench-latency/run.mjs --pages 2 --rounds 1 --out artifacts/bench-latency-smoke
}

# ---- the browser extension -----------------------------------------------------------------------

crate_version() {
  sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n1
}

# dist/chrome + dist/plainpage-<version>-chrome.zip and dist/firefox + .xpi, from extension/ and
# the wasm module in www/pkg (deterministic archives: sorted entries, fixed timestamps).
package_extension() {
  [ -f "$WASM_OUT/plainpage_bg.wasm" ] || die "$WASM_OUT is not built: run ./build.sh first"
  command -v node >/dev/null || apt_install nodejs npm
  local version
  version="$(crate_version)"
  [ -n "$version" ] || die "no version in Cargo.toml"
  step "extension packages $version (dist/)"
  node extension/package.mjs "$version" "$WASM_OUT" dist
}

# The built packages end to end: dist/chrome in Chromium (playwright-core), dist/firefox as a
# temporary add-on in Firefox ESR (geckodriver). Pages are served from 127.0.0.1 only.
test_e2e() {
  ensure_node_deps
  ensure_browsers
  need_shared_beside
  step "extension end to end in headless Chromium and Firefox (node --test tests/e2e)"
  PLAINPAGE_SHARED="$ROOT/../shared" CHROMIUM_FLAGS="$CHROMIUM_FLAGS" \
    GECKODRIVER="$(command -v geckodriver)" \
    node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
}

lint_extension() {
  ensure_node_deps
  step "web-ext lint dist/firefox ($(npx --no-install web-ext --version))"
  npx --no-install web-ext lint --source-dir dist/firefox --no-config-discovery
}

cmd_package() {
  [ -f "$WASM_OUT/plainpage_bg.wasm" ] || build_wasm
  package_extension
}

cmd_e2e() {
  [ -f "$WASM_OUT/plainpage_bg.wasm" ] || build_wasm
  package_extension
  test_e2e
  lint_extension
}

cmd_serve() {
  [ -f "$WASM_OUT/plainpage_bg.wasm" ] || build_wasm
  copy_applier
  local port="${PORT:-8000}"
  step "serving www/ on http://127.0.0.1:$port/ (Ctrl-C stops)"
  exec python3 -m http.server --bind 127.0.0.1 --directory www "$port"
}

# ---- fuzzing ------------------------------------------------------------------------------------

CARGO_FUZZ_VERSION="0.13.2"
FUZZ_TARGETS=(survey_judge clean read filter_list nested)

ensure_cargo_fuzz() {
  if [ "$(cargo fuzz --version 2>/dev/null)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
    step "cargo install cargo-fuzz --version $CARGO_FUZZ_VERSION"
    cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
  fi
}

# Runs every fuzz target for SECONDS each (libFuzzer, AddressSanitizer). cargo-fuzz needs
# nightly compiler flags; RUSTC_BOOTSTRAP lets the stable toolchain accept them.
run_fuzz() {
  local seconds="$1"
  ensure_cargo_fuzz
  step "cargo fuzz build (${#FUZZ_TARGETS[@]} targets)"
  RUSTC_BOOTSTRAP=1 cargo fuzz build --fuzz-dir fuzz
  local t
  for t in "${FUZZ_TARGETS[@]}"; do
    step "fuzz $t for ${seconds}s"
    mkdir -p "fuzz/corpus/$t"
    # The targets that take a page start from the seed page (read-only, from ../shared): real
    # article structure reaches the judge's and the reader's paths sooner than random bytes do.
    local seeds=()
    case "$t" in survey_judge | clean | read) [ -d "$SHARED/seed" ] && seeds=("$SHARED/seed") ;; esac
    local log="fuzz/last-$t.log"
    if ! RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir fuzz "$t" "fuzz/corpus/$t" "${seeds[@]}" -- \
      -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1; then
      tail -n 30 "$log"
      die "fuzz target $t found a crash; the input is in fuzz/artifacts/$t/ (make it a regression test)"
    fi
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  done
}

cmd_fuzz() {
  ensure_rust
  run_fuzz "${1:-60}"
}

# ---- batch benchmark against trafilatura -------------------------------------------------------

TRAFILATURA_VERSION="2.3.1"
# trafilatura's justext needs lxml's HTML cleaner, a separate package since lxml 5.2.
LXML_HTML_CLEAN_VERSION="0.4.6"
BENCH_VENV="target/bench-venv"

ensure_bench_venv() {
  if [ ! -x "$BENCH_VENV/bin/python" ]; then
    step "python3 -m venv $BENCH_VENV"
    python3 -m venv "$BENCH_VENV"
  fi
  if ! "$BENCH_VENV/bin/python" -c "import trafilatura, lxml_html_clean, sys; sys.exit(trafilatura.__version__ != '$TRAFILATURA_VERSION')" 2>/dev/null; then
    step "pip install trafilatura==$TRAFILATURA_VERSION (into $BENCH_VENV)"
    "$BENCH_VENV/bin/pip" install --quiet "trafilatura==$TRAFILATURA_VERSION" "lxml_html_clean==$LXML_HTML_CLEAN_VERSION"
  fi
}

# ./build.sh bench-batch [PAGES]: the CLI on all cores against trafilatura on the same files.
cmd_bench_batch() {
  ensure_rust
  need_shared
  build_native
  ensure_bench_venv
  step "batch benchmark: plainpage read vs trafilatura (${1:-all} pages)"
  mkdir -p artifacts
  "$BENCH_VENV/bin/python" benches/batch/run.py target/release/plainpage "$CORPUS" "${1:-0}" |
    tee artifacts/bench-batch.md
}

case "${1:-build}" in
  build) cmd_build ;;
  test) cmd_test ;;
  bless) cmd_bless ;;
  serve) cmd_serve ;;
  package) cmd_package ;;
  e2e) cmd_e2e ;;
  fuzz) cmd_fuzz "${2:-60}" ;;
  bench-batch) cmd_bench_batch "${2:-0}" ;;
  bench-browser) cmd_bench_browser "${2:-0}" ;;
  bench-latency) cmd_bench_latency "${2:-0}" "${3:-3}" ;;
  *) die "unknown command '$1' (build, test, bless, serve, package, e2e, fuzz, bench-batch, bench-browser, bench-latency)" ;;
esac
