#!/usr/bin/env bash
# One step from a fresh Debian 12 clone: installs the Debian packages Twinsight needs (packaging/debian-packages.txt),
# builds, then either runs Twinsight on its built-in sample scenes (`run`) or runs the whole test suite (`test`).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
case "$mode" in run | test) ;; *) echo "usage: $0 [run|test]" >&2; exit 2 ;; esac

missing=()
while read -r package; do
    [[ -z "$package" || "$package" == \#* ]] && continue
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done < packaging/debian-packages.txt
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}" >&2
    sudo=$([[ $(id -u) -eq 0 ]] || echo sudo)
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ "$mode" == test ]]; then
    cmake --preset ci
    cmake --build --preset ci -j "$(nproc)"
    ctest --preset ci
    # the core, CLI and fuzz tests again under AddressSanitizer and UndefinedBehaviorSanitizer
    cmake --preset asan
    cmake --build --preset asan -j "$(nproc)"
    ctest --preset asan -j "$(nproc)"
else
    cmake --preset release
    # only what `run` starts: the desktop program and the command line, not the tests or the benchmark
    cmake --build --preset release -j "$(nproc)" --target twinsight twinsight-cli
    if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" && -x build/release/app/twinsight ]]; then
        exec build/release/app/twinsight
    fi
    exec build/release/app/twinsight-cli demo
fi
