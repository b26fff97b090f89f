#!/usr/bin/env bash
# Builds the Debian package from a build folder and checks it as a user and a Debian developer would: unpacked,
# the CLI reports the project's version, the manual pages render without warnings, the bash completion loads and
# completes, the desktop entry validates, and lintian reports nothing (no error, no warning).
# Usage: packaging/check_package.sh BUILD_DIR VERSION [CPACK]   (run by ctest -L packaging)
set -euo pipefail
build=$1 version=$2 cpack=${3:-cpack}

missing=()
for tool in "$cpack" dpkg-deb lintian man desktop-file-validate; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[[ -f /usr/share/bash-completion/bash_completion ]] || missing+=(bash-completion)
if ((${#missing[@]})); then
    echo "missing: ${missing[*]} (packaging/debian-packages.txt lists the Debian packages)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

"$cpack" --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log" >&2
    exit 1
}
debs=("$work"/out/*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || { echo "expected one .deb, got: ${debs[*]}" >&2; exit 1; }
deb=${debs[0]}
echo "package: $(basename "$deb")"
root=$work/root
dpkg-deb -x "$deb" "$root"

reported=$("$root/usr/bin/twinsight-cli" --version)
[[ $reported == "twinsight-cli $version" ]] || fail "twinsight-cli --version: '$reported', expected 'twinsight-cli $version'"

# The network module (LibTorch's code) is the package's own, found beside the unpacked program: a short training
# loads it from there and from nowhere else (the build folder's copy would hide a module left out of the package).
module=$(find "$root/usr/lib" -name libtwinsight-network.so -print -quit)
if [[ -z $module ]]; then
    fail "no network module (libtwinsight-network.so) under /usr/lib"
else
    "$root/usr/bin/twinsight-cli" samples --out "$work/samples" --count 4 >/dev/null 2>&1 || fail "samples failed"
    loaded=$(LD_DEBUG=files "$root/usr/bin/twinsight-cli" train --images "$work/samples" --transform blur --steps 2 \
        --out "$work/blur.twinsight" 2>&1 |
        sed -n 's/.*file=\([^ ]*libtwinsight-network\.so\).*/\1/p' | sort -u)
    [[ $loaded == "$module" ]] || fail "train loaded the network module from '$loaded', expected $module"
    [[ -s $work/blur.twinsight ]] || fail "train with the packaged module wrote no model"
    echo "network module: ${module#"$root"}"
fi

pages=(twinsight-cli)
[[ -x $root/usr/bin/twinsight ]] && pages+=(twinsight)
for page in "${pages[@]}"; do
    file=$root/usr/share/man/man1/$page.1.gz
    [[ -f $file ]] || { fail "no manual page $page(1)"; continue; }
    text=$(MANWIDTH=80 man -l "$file" 2>/dev/null) || fail "man -l $page.1.gz failed"
    [[ $text == *"$version"* ]] || fail "$page(1) does not name version $version"
    [[ $page != twinsight-cli || $text == *"EXIT STATUS"* ]] || fail "$page(1) has no EXIT STATUS section"
    # The same check lintian makes: groff and man warnings on the page.
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$file" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "$page(1) warnings: $warnings"
done

completion=$root/usr/share/bash-completion/completions/twinsight-cli
if [[ -f $completion ]]; then
    # Completes with the unpacked program: a command, a transformation name and an option of a command.
    completed=$(bash --norc --noprofile -c '
        source /usr/share/bash-completion/bash_completion
        source "$1"
        complete -p twinsight-cli >/dev/null || exit 1
        complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMP_LINE="$*"
                           COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _twinsight_cli "$1" "${COMP_WORDS[-1]}" "${COMP_WORDS[-2]}"
                           echo "${COMPREPLY[*]}"; }
        complete_words "$2" transf
        complete_words "$2" train --transform b
        complete_words "$2" score --wr' bash "$completion" "$root/usr/bin/twinsight-cli" 2>&1) ||
        fail "completion does not load: $completed"
    expected=$'transforms\nblur brightness\n--write-xmp'
    [[ $completed == "$expected" ]] || fail "completion gave '$completed', expected '$expected'"
else
    fail "no bash completion for twinsight-cli"
fi

desktop=$root/usr/share/applications/twinsight.desktop
if [[ -f $desktop ]]; then
    # Hints are suggestions (two main categories show the program in two menus, as meant), not problems.
    problems=$(desktop-file-validate "$desktop" 2>&1 | grep -v ': hint: ' || true)
    [[ -z $problems ]] || fail "desktop-file-validate: $problems"
fi

# lintian's notice that it runs as root (CI containers) is no finding about the package.
report=$(lintian "$deb" 2>&1 | grep -vx 'running with root privileges is not recommended!' || true)
if [[ -n $report ]]; then
    fail "lintian:"
    echo "$report" >&2
fi

((failures == 0)) || exit 1
echo "package checked: version, manual pages, completion, desktop entry, lintian clean"
