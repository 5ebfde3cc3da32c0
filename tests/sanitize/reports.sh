# Sourced by run.sh and tsan.sh: a fresh directory for the sanitizer's reports, and the check after
# the tests that fails the run on any report (a test may pass while its process reported).
fresh_reports() { # dir
    rm -rf "$1" && mkdir -p "$1"
}
fail_on_reports() { # dir label
    if compgen -G "$1/*" >/dev/null; then
        echo "$2: reports in $1:" >&2
        for f in "$1"/*; do
            echo "== $f" >&2
            head -n 80 "$f" >&2
        done
        exit 1
    fi
}
